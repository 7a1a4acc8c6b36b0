
/** Backtest coverage below these shares means the bands were clearly too narrow, not just unlucky. */
const LOW_80 = 0.65;
const LOW_95 = 0.85;

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A warning for the run view when the recommended forecast's intervals held clearly fewer of the
 * backtest's actual values than they promise, so the analyst reads its bands as optimistic.
 * @param metrics the recommended method's backtest metrics
 * @returns the sentence, or null when the coverage is near what the intervals promise
 */
export function describeCoverageWarning(metrics: { coverage80: number | null; coverage95: number | null } | undefined): string | null {
  const c80 = metrics?.coverage80;
  const c95 = metrics?.coverage95;
  // Stored runs keep an unknown coverage as null (JSON has no NaN).
  if (typeof c80 !== "number" || typeof c95 !== "number" || !Number.isFinite(c80) || !Number.isFinite(c95)) return null;
  if (c80 >= LOW_80 && c95 >= LOW_95) return null;
  return (
    `In the backtest the 80% interval held ${percent(c80)} of the actual values and the 95% interval ${percent(c95)}: ` +
    "read the bands as too narrow for this series, and the real range as wider."
  );
}
