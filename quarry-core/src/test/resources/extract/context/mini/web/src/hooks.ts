export interface Thing {
  id: string;
}

export function useThing(id: string): Thing {
  return { id };
}
