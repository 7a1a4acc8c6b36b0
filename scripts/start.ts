/**
 * `npm start`: everything a fresh clone needs to serve the dashboard, in order:
 * apply pending migrations, seed the sample dataset into an empty database, mark server-side runs
 * that the last shutdown interrupted as failed, build when there is no build of the current
 * sources, then `next start` on PORT (default 3000) and HOSTNAME (if set).
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl } from "../lib/server/database-url";
import { sourceHash } from "./build-inputs";
import { deployMigrations } from "./migrate";
import { toErrorMessage } from "../lib/to-error-message";

const ROOT = path.resolve(import.meta.dirname, "..");
const STAMP = path.join(ROOT, ".next", "tidecast-build-stamp");

function log(message: string): void {
  console.log(`[tidecast] ${message}`);
}

function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    log(`${path.basename(command)} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  // A pulled schema change needs a new client before the build, not only after `npm install`.
  const schemaHash = crypto.createHash("sha256").update(fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"))).digest("hex");
  const clientStamp = path.join(ROOT, "lib", "generated", "prisma", ".schema-hash");
  const clientCurrent =
    fs.existsSync(path.join(ROOT, "lib", "generated", "prisma", "client.ts")) &&
    fs.existsSync(clientStamp) &&
    fs.readFileSync(clientStamp, "utf8") === schemaHash;
  if (!clientCurrent) {
    log("generating the Prisma client");
    run(process.execPath, [path.join(ROOT, "scripts", "prisma-generate.mjs")]);
    fs.writeFileSync(clientStamp, schemaHash);
  }

  const url = resolveDatabaseUrl();
  const applied = await deployMigrations(url);
  log(applied.length ? `database ${url}: applied ${applied.join(", ")}` : `database ${url}: up to date`);

  // Seeding imports the database client, which reads DATABASE_URL: run it after migrations exist.
  const { seedIfEmpty } = await import("./seed");
  const seeded = await seedIfEmpty();
  if (seeded) log("seeded the sample dataset (Australian wine sales)");
  // Server-side forecasts train in the server's own threads: any left queued or running can never finish.
  const { failInterruptedRuns } = await import("../lib/server/runs");
  const interrupted = await failInterruptedRuns();
  if (interrupted) log(`marked ${interrupted} server-side ${interrupted === 1 ? "run" : "runs"} interrupted by the last shutdown as failed`);

  const hash = sourceHash(ROOT);
  const current = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (current) {
    log("the production build is current");
  } else {
    log("building the app (first start, or the sources changed)");
    run(bin("next"), ["build"]);
    fs.writeFileSync(STAMP, hash);
  }

  const args = ["start", "--port", process.env.PORT || "3000"];
  if (process.env.HOSTNAME) args.push("--hostname", process.env.HOSTNAME);
  log(`serving on http://${process.env.HOSTNAME || "localhost"}:${process.env.PORT || "3000"}`);
  const server = spawn(bin("next"), args, { cwd: ROOT, stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(toErrorMessage(error));
  process.exit(1);
});
