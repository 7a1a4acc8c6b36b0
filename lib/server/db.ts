import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { resolveDatabaseUrl } from "./database-url";

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: resolveDatabaseUrl() }) });
}

// One client per process: Next's dev server reloads modules, so the client is kept on globalThis.
const globalForPrisma = globalThis as unknown as { tidecastPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.tidecastPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.tidecastPrisma = db;
