import { z } from "zod";
import { selectPoints } from "@/lib/chart/select-points";
import type { SeriesPointsDto } from "@/lib/series/schema";
import { getSeriesPoints } from "@/lib/server/datasets";
import { handle, HttpError, routeMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; seriesId: string }> };

const timeParam = z
  .string()
  .transform((text) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text)))
  .refine(Number.isFinite, "must be epoch milliseconds or an ISO date");

const querySchema = z.object({
  from: timeParam.optional(),
  to: timeParam.optional(),
  maxPoints: z.coerce.number().int().min(3).max(1_000_000).optional(),
});

/** A series' points, optionally cut to a time range and downsampled for a chart. */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { id, seriesId } = await params;
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const stored = await getSeriesPoints(seriesId);
  if (!stored || stored.datasetId !== id) throw new HttpError(404, `Dataset \`${id}\` has no series with id \`${seriesId}\`.`);
  const selected = selectPoints(stored.times, stored.values, query);
  const body: SeriesPointsDto = { seriesId, ...selected };
  return Response.json(body);
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
