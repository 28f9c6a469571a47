// Small helpers shared by the benchmarks.
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`);
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs a full collection (node --expose-gc) and returns memory usage after it. */
export function settle() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage();
}
