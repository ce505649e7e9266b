import type { Unit } from "./build-units.js";

/** How often each content word occurs in the article, indexed by the units' word ids. */
export function termFrequencies(units: readonly Unit[]): number[] {
  let size = 0;
  for (const u of units) for (const id of u.contentIds) if (id >= size) size = id + 1;
  // A plain array: a typed array costs about a microsecond to allocate.
  const tf: number[] = new Array<number>(size).fill(0);
  for (const u of units) for (const id of u.contentIds) tf[id]!++;
  return tf;
}
