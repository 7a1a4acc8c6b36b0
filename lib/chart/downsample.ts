/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the points that shape a
 * line, so a long series draws fast and looks the same. Missing values (NaN) are skipped; the
 * full data is still what is trained and exported.
 * @param t x values (epoch ms), ascending
 * @param y y values, NaN for missing
 * @param threshold maximum number of points to keep (≥ 3)
 * @returns indices into t/y of the kept points, ascending
 */
export function lttbIndices(t: ArrayLike<number>, y: ArrayLike<number>, threshold: number): number[] {
  // Indices of the points with a value, in a typed array: a million-point series is common here.
  const all = new Uint32Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(y[i] as number)) all[n++] = i;
  const present = all.subarray(0, n);
  if (threshold >= n || threshold < 3) return Array.from(present);

  const kept: number[] = [present[0] as number];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // Average of the next bucket: the third corner of the triangle.
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      const index = present[j] as number;
      avgX += t[index] as number;
      avgY += y[index] as number;
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;

    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const ai = present[a] as number;
    const ax = t[ai] as number;
    const ay = y[ai] as number;
    let bestArea = -1;
    let best = start;
    for (let j = start; j < end; j++) {
      const index = present[j] as number;
      const area = Math.abs((ax - avgX) * ((y[index] as number) - ay) - (ax - (t[index] as number)) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    kept.push(present[best] as number);
    a = best;
  }
  kept.push(present[n - 1] as number);
  return kept;
}
