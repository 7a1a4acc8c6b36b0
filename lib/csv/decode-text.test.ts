import { describe, expect, it } from "vitest";
import { coalesceChunks } from "./decode-text";
import { readDatasetStream } from "./read-blob";
import { readDataset } from "./read-dataset";

/** `bytes` in pieces of `size` bytes, as a request body arrives. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

describe("coalesceChunks", () => {
  it("joins a body's small chunks into a first piece of a megabyte, then pieces of 64 kB, every byte in order", async () => {
    const bytes = Uint8Array.from({ length: 3_000_000 }, (_, i) => 0x30 + ((i * 7) % 10));
    const out: Uint8Array[] = [];
    for await (const piece of coalesceChunks(pieces(bytes, 16_384))) out.push(piece);
    expect(out.map((piece) => piece.length)).toEqual([1_048_576, ...Array<number>(29).fill(65_536), 3_000_000 - 1_048_576 - 29 * 65_536]);
    expect(Buffer.concat(out).equals(bytes)).toBe(true);
  });
});

describe("readDatasetStream", () => {
  it("reads a body in small chunks as readDataset reads the whole text", async () => {
    // Over a megabyte, so the pieces after the first are read too; a two-byte character (°) is cut
    // by chunk boundaries somewhere, and one quoted cell sends a piece through papaparse.
    const rows = Array.from({ length: 60_000 }, (_, i) => {
      const time = new Date(Date.UTC(2024, 0, 1) + i * 600_000).toISOString().slice(0, 16).replace("T", " ");
      return `${time};${i % 1000 === 7 ? "" : `${(i % 97) - 40},${i % 10}`};${i === 50_000 ? '"ok; checked"' : "ok"}`;
    });
    const text = `Zeit;Temperatur (°C);Notiz\n${rows.join("\n")}\n`;
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(1_100_000);
    const whole = readDataset(text);
    const streamed = await readDatasetStream(pieces(bytes, 7_777));
    if (!whole.ok || !streamed.ok) throw new Error("both should read");
    expect(whole.data.series.map((s) => [s.name, s.times.length])).toEqual([["Temperatur (°C)", 60_000]]);
    expect(streamed.data.parsed).toEqual(whole.data);
  });
});
