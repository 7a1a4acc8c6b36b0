import { z } from "zod";
import { selectPoints } from "@/lib/chart/select-points";
import type { SeriesPointsDto } from "@/lib/series/schema";
import { getSeriesPoints } from "@/lib/server/datasets";
import { handle, HttpError, parseQuery, routeMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; seriesId: string }> };

/** Furthest a JavaScript date reaches from 1970, in milliseconds either way. */
const MAX_DATE_MS = 8.64e15;

const timeParam = z
  .string()
  .transform((text) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text)))
  .refine((ms) => Math.abs(ms) <= MAX_DATE_MS, "must be epoch milliseconds or an ISO date, such as 2024-01-31");

const maxPointsError = "must be a whole number of points from 3 to 1,000,000";

const querySchema = z
  .strictObject({
    from: timeParam.optional(),
    to: timeParam.optional(),
    maxPoints: z.coerce.number({ error: maxPointsError }).int(maxPointsError).min(3, maxPointsError).max(1_000_000, maxPointsError).optional(),
  })
  // A range that ends before it starts is a mistake, not a request for no points.
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ["from"],
    error: (issue) => {
      const q = issue.input as { from: number; to: number };
      return `(${new Date(q.from).toISOString()}) is after \`to\` (${new Date(q.to).toISOString()}); swap them`;
    },
  });

/** A series' points, optionally cut to a time range and downsampled for a chart. */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { id, seriesId } = await params;
  const query = parseQuery(querySchema, request);
  const stored = await getSeriesPoints(seriesId);
  if (!stored || stored.datasetId !== id) throw new HttpError(404, `Dataset \`${id}\` has no series with id \`${seriesId}\`.`);
  const selected = selectPoints(stored.times, stored.values, query);
  const body: SeriesPointsDto = { seriesId, ...selected };
  return Response.json(body);
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
