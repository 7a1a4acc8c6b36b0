import { refuseUndecodablePath } from "@/lib/server/http";

/** Runs before routing: a path Next could not decode is answered here, as the client's mistake. */
export function proxy(request: Request): Response | undefined {
  return refuseUndecodablePath(new URL(request.url).pathname) ?? undefined;
}

export const config = {
  matcher: [
    {
      // Not the build's own files: their names are always well formed.
      source: "/((?!_next/static|_next/image).*)",
      // Only requests without a body: for a proxy Next buffers the body and cuts it at 10 MB,
      // which would break streamed uploads. A POST to a malformed path still gets Next's 500.
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
