// Benutzer laden — Größe egal 😀
import { useEffect, useState } from 'react';

export function useUser(id: string, options?: { refresh?: boolean }) {
  const [user, setUser] = useState<unknown>(null);
  useEffect(() => {
    setUser({ id });
  }, [id]);
  return { user, reload: () => setUser(null) };
}

export const useNothing = () => {
  useEffect(() => {});
};

function notAHook() {
  return 1;
}
