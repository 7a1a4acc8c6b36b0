import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7 reads its settings here. Only `prisma generate` uses the stock CLI in this project:
// migrations run through scripts/migrate.ts (the native schema engine cannot be downloaded offline).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
