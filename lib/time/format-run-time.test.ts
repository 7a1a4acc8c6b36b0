import { describe, expect, it } from "vitest";
import { formatRunTime } from "./format-run-time";

describe("formatRunTime", () => {
  it("writes the seconds, which tell apart runs started in the same minute", () => {
    // Local time, as the browser shows it: built from local fields, whatever the machine's zone.
    const started = new Date(2026, 10, 28, 9, 30, 5).toISOString();
    expect(formatRunTime(started)).toBe("28 Nov 2026, 09:30:05");
  });
});
