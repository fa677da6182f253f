import { useState } from "react";

import { useShopApi } from "../context.js";

export interface CartItem {
  sku: string;
  quantity: number;
}

export interface CartOptions {
  currency?: string;
}

export interface CartResult<T extends CartItem> {
  items: T[];
  total: number;
  /** Adds one unit of a product. */
  add: (sku: string, quantity?: number) => Promise<void>;
  replace: (items: T[]) => void;
  merge: (other: CartResult<T>) => void;
  onChange?: (items: T[]) => void;
  clear(): void;
}

/** The shopping cart of the signed-in user. */
export function useCart<T extends CartItem = CartItem>(shopId: string, options: CartOptions = {}): CartResult<T> {
  const api = useShopApi();
  const [items, setItems] = useState<T[]>([]);
  const add = async (sku: string, quantity = 1) => {
    void api;
    void sku;
    void quantity;
  };
  return {
    items,
    total: items.length,
    add,
    replace: setItems,
    merge: () => undefined,
    clear: () => setItems([]),
  };
}
