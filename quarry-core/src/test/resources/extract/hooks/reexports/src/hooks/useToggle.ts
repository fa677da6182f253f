import { useState } from 'react';

/** Flips a boolean. */
const useToggle = (initial: boolean = false) => {
  const [on, setOn] = useState(initial);
  const toggle = () => setOn((v) => !v);
  return [on, toggle] as const;
};

export default useToggle;
