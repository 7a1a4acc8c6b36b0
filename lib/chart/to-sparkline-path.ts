/**
 * An SVG path drawing values as a line in a `width` × `height` box; a missing value (null) breaks
 * the line. The values are already downsampled (ImportPreview sparklines hold ~120).
 */
export function toSparklinePath(values: (number | null)[], width: number, height: number): string {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return "";
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let path = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 1 - ((v - min) / span) * (height - 2)).toFixed(1);
    path += `${pen ? "L" : "M"}${x},${y}`;
    pen = true;
  });
  return path;
}
