import { DigestBotError } from "../lib/index.js";

/** Delivery cannot go on (bad token, lease held elsewhere with leaseBusy "exit", store failure). */
export class DeliveryFatalError extends DigestBotError {
  override name = "DeliveryFatalError";
}
