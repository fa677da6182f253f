/**
 * Clamps a value into a range.
 */
export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function internal(): number {
  return 1;
}
