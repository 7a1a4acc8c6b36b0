import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/** Debian's chromium where it exists (no browser download is possible here), else Playwright's own. */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const executablePath = fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A throwaway database per run, so tests never touch an analyst's data. */
const DATABASE_FILE = path.join(os.tmpdir(), `tidecast-e2e-${process.pid}-${Date.now()}.db`);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    acceptDownloads: true,
    ...devices["Desktop Chrome"],
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // `npm start` migrates the fresh database, seeds the sample, builds if needed and serves.
    command: "npm start",
    url: `http://localhost:${PORT}/api/datasets`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:${DATABASE_FILE}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
