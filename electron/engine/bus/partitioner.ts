/** Same key → same partition, so per-key order holds; keyless messages spread round-robin. */
export function hashKey(key: string): number {
  // FNV-1a: fast, stable across runs and processes.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function partitionFor(key: string | null, partitions: number, roundRobin: number): number {
  return key === null ? roundRobin % partitions : hashKey(key) % partitions;
}
