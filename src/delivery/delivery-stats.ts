/** Counters since start; `uncertain` digests are the ones a chat may or may not have seen. */
export interface DeliveryStats {
  sent: number;
  retried: number;
  rateLimited: number;
  uncertain: number;
  failed: number;
  deactivated: number;
  moved: number;
}

export function emptyStats(): DeliveryStats {
  return { sent: 0, retried: 0, rateLimited: 0, uncertain: 0, failed: 0, deactivated: 0, moved: 0 };
}
