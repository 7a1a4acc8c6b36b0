-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "fileName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ingest" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "Series" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "pointCount" INTEGER NOT NULL,
    "missingCount" INTEGER NOT NULL DEFAULT 0,
    "start" DATETIME,
    "end" DATETIME,
    "frequency" TEXT NOT NULL DEFAULT '{}',
    "timeFormat" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "Series_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeriesPoints" (
    "seriesId" TEXT NOT NULL PRIMARY KEY,
    "times" BLOB NOT NULL,
    "values" BLOB NOT NULL,
    CONSTRAINT "SeriesPoints_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "seriesIds" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'browser',
    "config" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "backend" TEXT,
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

-- CreateIndex
CREATE INDEX "Series_datasetId_position_idx" ON "Series"("datasetId", "position");

-- CreateIndex
CREATE INDEX "Run_datasetId_startedAt_idx" ON "Run"("datasetId", "startedAt");
