/**
 * Applies and creates Prisma migrations offline, with Prisma's WebAssembly schema engine driving
 * SQLite through the better-sqlite3 driver adapter. The stock `prisma migrate` needs a native engine
 * binary that cannot be downloaded here; this script reads and writes the standard layout
 * (prisma/migrations/<timestamp>_<name>/migration.sql and the `_prisma_migrations` table), so the
 * stock CLI sees the same history.
 *
 *   tsx scripts/migrate.ts deploy            apply pending migrations (what `npm start` runs)
 *   tsx scripts/migrate.ts dev --name NAME   create a migration from schema.prisma changes, then apply it
 *   tsx scripts/migrate.ts status            list applied and pending migrations
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { resolveDatabaseUrl } from "../lib/server/database-url";
import { toErrorMessage } from "../lib/to-error-message";

const ROOT = path.resolve(import.meta.dirname, "..");
const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * The engine sends argument-less multi-statement scripts through `executeRaw`; better-sqlite3's
 * `prepare()` accepts one statement only, so those go to `exec()` instead.
 */
function withScriptSupport(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && adapter.executeScript) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

function migrationAwareFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaBetterSqlite3({ url });
  const shadow = new PrismaBetterSqlite3({ url: ":memory:" });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withScriptSupport(await main.connect()),
    connectToShadowDb: async () => withScriptSupport(await shadow.connect()),
  };
}

/** Loads the engine's wasm by hand: Node 20 cannot `import` a .wasm file as the package does. */
async function loadEngineModule(): Promise<typeof import("@prisma/schema-engine-wasm")> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bindings = (await import(
    path.join(dir, "schema_engine_bg.js")
  )) as typeof import("@prisma/schema-engine-wasm") & { __wbg_set_wasm(exports: WebAssembly.Exports): void };
  const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings as never });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

function readMigrations(): MigrationList {
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(MIGRATIONS_DIR, dir, "migration.sql");
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

async function openEngine(url: string): Promise<SchemaEngine> {
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { SchemaEngine } = await loadEngineModule();
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const log = (message: string) => {
    if (process.env.DEBUG_MIGRATE) console.error(message);
  };
  return SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(migrationAwareFactory(url)),
  );
}

/** Applies every pending migration; returns the names applied. */
export async function deployMigrations(url: string): Promise<string[]> {
  const engine = await openEngine(url);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: NO_FILTER,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

async function createDevMigration(url: string, name: string): Promise<void> {
  const engine = await openEngine(url);
  try {
    // On a brand-new database the history must exist before the diagnostic, or it asks for a shadow reset.
    await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTER });
    const { action } = await engine.devDiagnostic({ migrationsList: readMigrations(), filters: NO_FILTER });
    if (action.tag === "reset") {
      throw new Error(`The development database needs a reset (${action.reason}). Delete it and run again.`);
    }
    const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
    const created = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList: readMigrations(),
      schema: { files: [{ path: SCHEMA_PATH, content: schema }] },
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) {
      console.log("schema.prisma matches the migrations: nothing to create.");
      return;
    }
    const dir = path.join(MIGRATIONS_DIR, created.generatedMigrationName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `migration.${created.extension}`), created.migrationScript);
    const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
    if (!fs.existsSync(lockPath)) {
      fs.writeFileSync(
        lockPath,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${created.connectorType}"\n`,
      );
    }
    console.log(`created prisma/migrations/${created.generatedMigrationName}`);
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: NO_FILTER,
    });
    console.log(`applied: ${appliedMigrationNames.join(", ") || "none"}`);
  } finally {
    engine.free();
  }
}

async function printStatus(url: string): Promise<void> {
  const engine = await openEngine(url);
  try {
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList: readMigrations(),
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    console.log(JSON.stringify(diagnosis, null, 2));
  } finally {
    engine.free();
  }
}

async function main(): Promise<void> {
  const [command = "deploy", ...rest] = process.argv.slice(2);
  const url = resolveDatabaseUrl();
  if (command === "deploy") {
    const applied = await deployMigrations(url);
    console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
  } else if (command === "dev") {
    const nameIndex = rest.indexOf("--name");
    const name = nameIndex >= 0 ? rest[nameIndex + 1] : undefined;
    if (!name) throw new Error("usage: migrate dev --name <migration_name>");
    await createDevMigration(url, name);
  } else if (command === "status") {
    await printStatus(url);
  } else {
    throw new Error(`unknown command "${command}" (deploy, dev or status)`);
  }
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith("migrate.ts")) {
  main().catch((error: unknown) => {
    console.error(toErrorMessage(error));
    process.exit(1);
  });
}
