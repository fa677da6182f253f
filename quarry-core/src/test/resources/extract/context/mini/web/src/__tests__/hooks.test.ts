import { describe, expect, it } from "vitest";
import { useThing } from "../hooks.js";

function makeId(): string {
  return "x";
}

describe("useThing", () => {
  it("keeps the id", () => {
    expect(useThing(makeId()).id).toBe("x");
  });
});
