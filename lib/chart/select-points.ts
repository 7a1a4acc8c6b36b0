import { lttbIndices } from "./downsample";

export interface PointSelection {
  /** Keep points at or after this time (epoch ms). */
  from?: number;
  /** Keep points at or before this time (epoch ms). */
  to?: number;
  /** Downsample to at most this many points (LTTB); the shape of the line is kept. */
  maxPoints?: number;
  /**
   * When downsampling, keep this many of the last points whole (at most half of maxPoints) and
   * thin only the ones before: a chart can open on the recent past at full resolution.
   */
  recentPoints?: number;
}

export interface SelectedPoints {
  totalCount: number;
  downsampled: boolean;
  t: number[];
  y: (number | null)[];
}

function lowerBound(times: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cuts a time range out of a series and downsamples it for display.
 * @param times epoch ms, ascending
 * @param values NaN for missing (returned as null)
 */
export function selectPoints(times: Float64Array, values: Float64Array, selection: PointSelection = {}): SelectedPoints {
  const start = selection.from === undefined ? 0 : lowerBound(times, selection.from);
  const end = selection.to === undefined ? times.length : lowerBound(times, selection.to + 1e-9);
  const rangeT = times.subarray(start, end);
  const rangeY = values.subarray(start, end);
  const count = rangeT.length;
  const max = selection.maxPoints;
  if (max === undefined || count <= max) {
    return {
      totalCount: times.length,
      downsampled: false,
      t: Array.from(rangeT),
      y: Array.from(rangeY, (v) => (Number.isNaN(v) ? null : v)),
    };
  }
  const recent = Math.min(Math.max(0, Math.floor(selection.recentPoints ?? 0)), Math.floor(max / 2));
  const split = count - recent;
  const kept = lttbIndices(rangeT.subarray(0, split), rangeY.subarray(0, split), max - recent);
  for (let i = split; i < count; i++) kept.push(i);
  return {
    totalCount: times.length,
    downsampled: true,
    t: kept.map((i) => rangeT[i] as number),
    y: kept.map((i) => (Number.isNaN(rangeY[i] as number) ? null : (rangeY[i] as number))),
  };
}
