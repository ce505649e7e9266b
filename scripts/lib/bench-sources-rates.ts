/** Most events of one host inside any window of `windowMs` (half-open), over all hosts. */
export function peakPerWindow(times: Map<string, number[]>, windowMs = 1000): number {
  let peak = 0;
  for (const list of times.values()) {
    const sorted = [...list].sort((a, b) => a - b);
    let first = 0;
    for (let last = 0; last < sorted.length; last += 1) {
      while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
      peak = Math.max(peak, last - first + 1);
    }
  }
  return peak;
}

/** Shortest time between two consecutive events of one host, over all hosts. */
export function minGap(times: Map<string, number[]>): number {
  let gap = Number.POSITIVE_INFINITY;
  for (const list of times.values()) {
    const sorted = [...list].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i += 1) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  }
  return gap;
}

export function groupByHost(events: Iterable<{ host: string; at: number }>): Map<string, number[]> {
  const byHost = new Map<string, number[]>();
  for (const { host, at } of events) {
    const list = byHost.get(host) ?? [];
    list.push(at);
    byHost.set(host, list);
  }
  return byHost;
}
