export { useCart } from "./hooks/useCart.js";
export type { CartOptions, CartResult, CartItem } from "./hooks/useCart.js";
