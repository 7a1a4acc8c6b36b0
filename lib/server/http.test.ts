import { describe, expect, it } from "vitest";
import { refuseUndecodablePath } from "./http";

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
