// Starts a worker thread that runs TypeScript: registers tsx's loader in the thread (as `npm run
// forecast` runs the CLI), then imports the thread's entry (workerData.entry, an absolute path).
import { workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
await import(pathToFileURL(workerData.entry).href);
