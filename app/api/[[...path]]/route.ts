import { jsonError } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Any path under /api that no route serves: a JSON 404, never the HTML not-found page. */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return jsonError(404, `There is no API at ${request.method} ${pathname}. The README lists the routes.`);
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
