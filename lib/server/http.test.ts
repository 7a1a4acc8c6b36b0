import { describe, expect, it } from "vitest";
import { refuseUndecodablePath, streamText } from "./http";

describe("refuseUndecodablePath", () => {
  it.each(["/api/datasets", "/api/datasets/c0abc", "/api/datasets/%F0%9F%98%80", "/api/datasets/a%2Fb", "/datasets/%25"])("lets %s through", (path) => {
    expect(refuseUndecodablePath(path)).toBeNull();
  });

  it.each([
    ["/api/datasets/%", "%"],
    ["/api/datasets/%E0%A4%A", "%E0%A4%A"],
    ["/api/runs/%zz/forecast.csv", "%zz"],
    ["/api/datasets/%ED%A0%80", "%ED%A0%80"],
  ])("answers %s with a 400 naming the segment", async (path, segment) => {
    const response = refuseUndecodablePath(path);
    expect(response?.status).toBe(400);
    expect(((await response?.json()) as { error: string }).error).toContain(`(in \`${segment}\`)`);
  });
});

describe("streamText", () => {
  it("sends the pieces in order and lets timers run between them", async () => {
    let made = 0;
    let madeWhenTimerRan = -1;
    function* pieces() {
      for (let i = 0; i < 500; i++) {
        made++;
        yield `${i}\n`;
      }
    }
    setTimeout(() => (madeWhenTimerRan = made), 0);
    const text = await new Response(streamText(pieces())).text();
    expect(text.split("\n").slice(0, 3)).toEqual(["0", "1", "2"]);
    expect(text.split("\n")).toHaveLength(501);
    // Sent without handing the loop back, the timer ran only after the whole body (as every other
    // request waited for it); now after the first pieces.
    expect(madeWhenTimerRan).toBeGreaterThan(0);
    expect(madeWhenTimerRan).toBeLessThan(10);
  });
});
