import { describe, expect, it } from "vitest";
import { coalesceChunks, decodeByteStream, decodeText } from "./decode-text";
import { readDatasetStream } from "./read-blob";
import { readDataset } from "./read-dataset";

/** `bytes` in pieces of `size` bytes, as a request body arrives; `cuts` instead cut them at those offsets after the first piece. */
async function* pieces(bytes: Uint8Array, size: number, cuts?: number[]): AsyncGenerator<Uint8Array> {
  if (cuts) {
    let at = 0;
    for (const end of [size, ...cuts]) {
      yield bytes.slice(at, end);
      at = end;
    }
    return;
  }
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

describe("UTF-8 with a stray Windows-1252 byte", () => {
  // A UTF-8 export with one cell pasted from a Windows-1252 file: read whole, the stray byte made
  // the whole file Windows-1252 and the header `Temp (°C)` became `Temp (Â°C)` in the CLI, while
  // the upload, decoding a chunk at a time, kept it.
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const rows = Array.from({ length: 600 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 13)}:00;${i % 9},5;ok`);
  const head = `Zeit;Temp (°C);Notiz\n${rows.join("\n")}\n2024-02-01 00:00;1,5;20 °C Caf`;
  const bytes = Buffer.concat([utf8(head), Buffer.from([0xe9]), utf8("\n2024-02-01 01:00;2;\u20ac ok\n")]);
  const text = `${head}é\n2024-02-01 01:00;2;€ ok\n`;

  it("reads the UTF-8 as UTF-8 and the stray byte as Windows-1252, whole or in chunks", async () => {
    const whole = decodeText(new Uint8Array(bytes));
    expect(whole).toEqual({ ok: true, data: { encoding: "windows-1252", text } });
    // Cut inside the second `°` (two bytes), past the 8 kB the encoding is told from, the piece
    // with the stray byte right after the cut.
    const cut = bytes.lastIndexOf(0xb0);
    expect(cut).toBeGreaterThan(8192);
    const stream = await decodeByteStream(pieces(new Uint8Array(bytes), cut, [bytes.length]));
    if (!stream.ok) throw new Error(stream.reason);
    let streamed = "";
    for await (const chunk of stream.data.text) streamed += chunk;
    expect(streamed).toBe(text);
    expect(stream.data.encoding()).toBe("windows-1252");
  });
});
