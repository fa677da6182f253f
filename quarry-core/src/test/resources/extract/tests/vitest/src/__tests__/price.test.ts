import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatPrice, total } from "../price";
import { unrelated } from "../unrelated";

type Item = { cents: number };

function cents(n: number): number {
  return Math.round(n * 100);
}

function cart(...amounts: number[]): Item[] {
  return amounts.map((a) => ({ cents: cents(a) }));
}

describe("formatPrice", () => {
  beforeEach(() => {
    vi.useRealTimers();
  });

  it.each([
    [1, "$1.00"],
    [2.5, "$2.50"],
  ])("formats %i dollars as %s", (amount, expected) => {
    const c = cents(amount);
    expect(formatPrice(c)).toBe(expected);
  });

  it.each([{ amounts: [1, 2], sum: 300 }])("adds up $amounts to $sum", ({ amounts, sum }) => {
    const items = cart(...amounts);
    expect(total(items)).toBe(sum);
  });
});
