-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "seriesIds" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'browser',
    "config" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "backend" TEXT,
    "backendInfo" TEXT NOT NULL DEFAULT '{}',
    "mode" TEXT NOT NULL DEFAULT 'per-series',
    "horizon" INTEGER NOT NULL DEFAULT 0,
    "seasonLength" INTEGER NOT NULL DEFAULT 1,
    "mase" REAL,
    "elapsedMs" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "losses" TEXT NOT NULL DEFAULT '[]',
    "metrics" TEXT NOT NULL DEFAULT '{}',
    "forecast" TEXT NOT NULL DEFAULT '{}',
    "chosen" TEXT,
    "model" BLOB,
    "error" TEXT,
    CONSTRAINT "Run_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("backend", "chosen", "config", "datasetId", "error", "finishedAt", "forecast", "id", "losses", "metrics", "model", "origin", "seed", "seriesIds", "startedAt", "status") SELECT "backend", "chosen", "config", "datasetId", "error", "finishedAt", "forecast", "id", "losses", "metrics", "model", "origin", "seed", "seriesIds", "startedAt", "status" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE INDEX "Run_datasetId_startedAt_idx" ON "Run"("datasetId", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
