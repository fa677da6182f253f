import { createContext, useContext, type ReactNode } from "react";

export interface ShopApi {
  baseUrl: string;
}

const ShopContext = createContext<ShopApi | null>(null);

export interface CartProviderProps {
  api: ShopApi;
  theme?: string;
  children?: ReactNode;
}

/** Makes the shop API available to the cart hooks. */
export function CartProvider({ api, children }: CartProviderProps) {
  return <ShopContext.Provider value={api}>{children}</ShopContext.Provider>;
}

export function useShopApi(): ShopApi {
  const api = useContext(ShopContext);
  if (!api) {
    throw new Error("wrap the tree in <CartProvider>");
  }
  return api;
}
