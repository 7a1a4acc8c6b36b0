import path from "node:path";

/** Where the SQLite file lives when `DATABASE_URL` is not set (git-ignored). */
const DEFAULT_DATABASE_FILE = path.join("data", "tidecast.db");

/**
 * The SQLite URL every process uses (server, migrations, seed, CLI).
 * `DATABASE_URL` may be `file:relative/or/absolute.db` or a bare path; relative paths are resolved
 * against the working directory, which npm scripts set to the project root.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_FILE;
  const file = raw.replace(/^file:(\/\/)?/, "");
  if (file === ":memory:") return "file::memory:";
  return `file:${path.resolve(file)}`;
}
