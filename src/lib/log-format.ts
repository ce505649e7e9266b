/** How log lines look: `auto` is pretty on a terminal and JSON lines everywhere else. */
export const LOG_FORMATS = ["auto", "pretty", "json"] as const;
export type LogFormatSetting = (typeof LOG_FORMATS)[number];
export type LogFormat = Exclude<LogFormatSetting, "auto">;

/** People read a terminal; programs (journald, Docker, log shippers) read JSON lines. */
export function chooseLogFormat(
  setting: LogFormatSetting,
  stream: { isTTY?: boolean | undefined },
): LogFormat {
  if (setting !== "auto") return setting;
  return stream.isTTY === true ? "pretty" : "json";
}

/**
 * A JSON log line -> one readable line (time, level, message, then the fields). Loaded only when
 * chosen, so JSON logging never pays for pino-pretty.
 */
export async function loadPrettifier(options: {
  colors: boolean;
}): Promise<(line: string) => string> {
  const { prettyFactory } = await import("pino-pretty");
  return prettyFactory({
    colorize: options.colors,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname",
    singleLine: true,
  });
}
