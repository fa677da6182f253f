export { useCart } from "./hooks/useCart.js";
export type { CartOptions, CartResult, CartItem } from "./hooks/useCart.js";
export { CartProvider } from "./context.js";
export type { ShopApi, CartProviderProps } from "./context.js";
