/**
 * Intermittent series: counts or sales of a slow item, mostly zeros with a sale now and then.
 * The forecaster's point forecast is a median (it minimises MASE), which for such a series is
 * about 0 on most steps: right as "a typical day sells nothing", misleading as the demand to plan
 * stock for. The analyst is told the average rate beside it.
 */

/** Share of zeros from which a series counts as intermittent. */
const INTERMITTENT_ZEROS = 0.3;

/** Whether most of a series' steps are empty: at least {@link INTERMITTENT_ZEROS} of its values are exactly 0. */
export function isIntermittent(values: ArrayLike<number>): boolean {
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return values.length > 0 && zeros >= INTERMITTENT_ZEROS * values.length;
}

/**
 * A sentence for the recommendation of an intermittent series whose forecast adds up to well
 * under its recent average (empty otherwise).
 * @param values the history, oldest first (finite values)
 * @param forecast the recommended point forecast
 */
export function describeIntermittent(values: ArrayLike<number>, forecast: ArrayLike<number>): string {
  if (!isIntermittent(values) || forecast.length === 0) return "";
  // The recent rate: ten horizons, or the whole history when shorter.
  const recent = Math.min(values.length, 10 * forecast.length);
  let sum = 0;
  let zeros = 0;
  for (let i = values.length - recent; i < values.length; i++) {
    sum += values[i] as number;
    if (values[i] === 0) zeros++;
  }
  const rate = sum / recent;
  let total = 0;
  for (let j = 0; j < forecast.length; j++) total += forecast[j] as number;
  if (!(rate > 0) || total >= 0.5 * rate * forecast.length) return "";
  const share = Math.round((100 * zeros) / recent);
  const h = forecast.length;
  return (
    ` ${share}% of the last ${recent} values are 0, and the forecast is a median: it shows a typical step, not the average demand. ` +
    `Those values average ${formatRate(rate)} a step (${formatRate(rate * h)} over the ${h} steps ahead); plan stock on that, or on the upper bands.`
  );
}

function formatRate(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString("en-GB") : Number(v.toPrecision(2)).toString();
}
