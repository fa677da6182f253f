/** Formats an amount of cents as dollars. */
export function formatPrice(cents: number): string {
  return "$" + (cents / 100).toFixed(2);
}

/** Sums the prices of a cart. */
export function total(items: { cents: number }[]): number {
  return items.reduce((sum, i) => sum + i.cents, 0);
}
