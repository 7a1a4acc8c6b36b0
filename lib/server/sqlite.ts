import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { resolveDatabaseUrl } from "./database-url";

/**
 * A plain better-sqlite3 connection to the same database as the Prisma client, for the two paths
 * where Prisma's per-query overhead dominates: writing an import's packed points and reading a
 * whole series back. Measured for 1M points (README, "Storage"): Prisma `create` with two 8 MB
 * blobs took 1.05 s and +133 MB of server memory, this connection 0.46 s and +12 MB.
 * Everything else goes through Prisma (lib/server/datasets.ts).
 */
function openConnection(): Database.Database {
  const file = resolveDatabaseUrl().replace(/^file:/, "");
  const connection = new Database(file);
  // Wait for a writer in another process (a seed, a CLI) rather than failing at once.
  connection.pragma("busy_timeout = 5000");
  connection.pragma("foreign_keys = ON");
  return connection;
}

const globalForSqlite = globalThis as unknown as { tidecastSqlite?: Database.Database };

/** The process's raw connection, opened on first use (DATABASE_URL is read then). */
export function sqlite(): Database.Database {
  globalForSqlite.tidecastSqlite ??= openConnection();
  return globalForSqlite.tidecastSqlite;
}

/**
 * A new row id in the shape of Prisma's `cuid()` defaults (lowercase letters and digits, starting
 * with `c`), for rows written through this connection: time-ordered, then random.
 */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = Array.from(randomBytes(16), (b) => (b % 36).toString(36)).join("");
  return `c${time}${random}`;
}

/** A DateTime column value as the Prisma SQLite adapter writes it (`2024-01-01T00:00:00.000+00:00`). */
export function toSqliteDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}
