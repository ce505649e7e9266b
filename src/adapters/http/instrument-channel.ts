import { DeliveryError, type DeliveryChannel } from "../../delivery/index.js";
import type { Metrics } from "./create-metrics.js";

/**
 * Counts every send attempt of a channel by outcome: a 429 counts as rate limited, a send that
 * may have arrived (timeout after write) as uncertain, any other error as failed.
 */
export function instrumentChannel(
  channel: DeliveryChannel,
  metrics: Pick<Metrics, "send" | "rateLimited">,
): DeliveryChannel {
  const { platform } = channel;
  return {
    platform,
    limits: channel.limits,
    idempotent: channel.idempotent,
    render: (cards, context) => channel.render(cards, context),
    async send(target, part, options) {
      try {
        const receipt = await channel.send(target, part, options);
        metrics.send(platform, "sent");
        // The message id lets a story's message be edited later.
        return receipt;
      } catch (error) {
        const kind = error instanceof DeliveryError ? error.failure.kind : undefined;
        if (kind === "rate_limited") metrics.rateLimited(platform);
        else metrics.send(platform, kind === "ambiguous" ? "uncertain" : "failed");
        throw error;
      }
    },
    ...(channel.edit ? { edit: channel.edit.bind(channel) } : {}),
    ...(channel.notice ? { notice: channel.notice.bind(channel) } : {}),
  };
}
