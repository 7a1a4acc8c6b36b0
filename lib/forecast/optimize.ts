/**
 * Minimises a function of a few unconstrained parameters with the Nelder–Mead simplex method
 * (standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½).
 * @param objective function to minimise; non-finite values count as +∞
 * @param start starting point
 * @param options.step initial simplex edge along each axis (default 0.5)
 * @param options.maxEvaluations budget of objective calls (default 200 per parameter)
 * @param options.tolerance stop when the simplex values differ by less than this (default 1e-10)
 * @returns the best point found and its value
 */
export function nelderMead(
  objective: (x: number[]) => number,
  start: number[],
  options: { step?: number; maxEvaluations?: number; tolerance?: number } = {},
): { x: number[]; value: number } {
  const n = start.length;
  const step = options.step ?? 0.5;
  const maxEvaluations = options.maxEvaluations ?? 200 * Math.max(1, n);
  const tolerance = options.tolerance ?? 1e-10;
  let evaluations = 0;
  const f = (x: number[]): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = (p[i] as number) + step;
    simplex.push(p);
  }
  let values = simplex.map(f);
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    const best = values[0] as number;
    const worst = values[n] as number;
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (simplex[i]![j] as number) / n;
    const along = (t: number) => centroid.map((c, j) => c + t * ((simplex[n]![j] as number) - c));
    const reflected = along(-1);
    const fr = f(reflected);
    if (fr < best) {
      const expanded = along(-2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < (values[n - 1] as number)) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < worst ? along(-0.5) : along(0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, worst)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => (simplex[0]![j] as number) + 0.5 * (v - (simplex[0]![j] as number)));
          values[i] = f(simplex[i] as number[]);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return { x: simplex[bestIndex] as number[], value: values[bestIndex] as number };
}

/**
 * Corrected Akaike information criterion of a Gaussian fit, for choosing between models of a
 * series (the number of Fourier harmonics, a trend or none).
 * @param n observations fitted
 * @param meanSquaredError mean squared residual
 * @param k estimated parameters
 * @returns AICc; +∞ when there are too few observations for k parameters
 */
export function aicc(n: number, meanSquaredError: number, k: number): number {
  if (n - k - 1 <= 0) return Number.POSITIVE_INFINITY;
  return n * Math.log(Math.max(meanSquaredError, 1e-300)) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}
