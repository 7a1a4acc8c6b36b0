/**
 * A production server for the benchmarks that measure the app as analysts reach it: `npm start`
 * (migrate, seed, build when the sources changed, serve) on a free port with its own database,
 * and the figures read from /proc about the process that answers requests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Writes a generated CSV of `rows` data rows once (an existing file is kept), a megabyte at a time.
 * @param line the text of row `i`, without its line break
 * @returns the file's path
 */
export function writeCsvOnce(file: string, header: string, rows: number, line: (i: number) => string): string {
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, "w");
  let buffer = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = "";
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return file;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
export function processCpu(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The `next start` process under `npm start`'s script: the one that serves requests. */
export function findServerPid(root: number): number | null {
  const queue = [root];
  let found: number | null = null;
  while (queue.length) {
    const pid = queue.shift() as number;
    let command = "";
    try {
      command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      continue;
    }
    if (/next(-server| start|\/dist\/bin\/next start)/.test(command) || /next-server/.test(command)) found = pid;
    queue.push(...childrenOf(pid));
  }
  return found;
}

/** Samples the server's resident memory every 20 ms; `stop()` returns the peak seen. */
export function watchMemory(pid: number): { stop: () => number } {
  let peak = statusField(pid, "VmRSS");
  const timer = setInterval(() => {
    peak = Math.max(peak, statusField(pid, "VmRSS"));
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, statusField(pid, "VmRSS"));
    },
  };
}

export interface Server {
  base: string;
  pid: number;
  process: ChildProcess;
  database: string;
}

/**
 * Starts `npm start`'s script and waits until it answers (it may build first: up to 10 minutes).
 * @param name part of the database file's name, in the temporary folder, unless `database` names one
 * BENCH_PORT chooses the port (default: a free one).
 * @param database an existing SQLite file to serve (it is migrated first, as `npm start` does)
 */
export async function startServer(name: string, database = path.join(os.tmpdir(), `tidecast-bench-${name}-${process.pid}.db`)): Promise<Server> {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${database}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (data: Buffer) => (log += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (log += data.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer within 10 minutes:\n${log}`);
    try {
      if ((await fetch(`${base}/api/datasets`)).ok) break;
    } catch {
      // not listening yet (it may be building)
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const pid = findServerPid(child.pid as number);
  if (!pid) throw new Error("could not find the server process to measure its memory");
  return { base, pid, process: child, database };
}

