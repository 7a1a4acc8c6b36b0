import { describe, expect, it } from "vitest";
import { SavedModelError } from "./forecast/errors";
import { toErrorMessage } from "./to-error-message";

describe("toErrorMessage", () => {
  it.each([
    ["an Error", new Error("The file is empty."), "The file is empty."],
    ["a subclass", new SavedModelError("The saved model is truncated."), "The saved model is truncated."],
    ["an Error without a message", new TypeError(), ""],
    ["a thrown string", "worker gone", "worker gone"],
    ["a number", 42, "42"],
    ["undefined", undefined, "undefined"],
    ["null", null, "null"],
    ["an object that is not an Error", { message: "looks like one" }, "[object Object]"],
  ] as const)("%s", (_name, err, message) => {
    expect(toErrorMessage(err)).toBe(message);
  });
});
