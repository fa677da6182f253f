import { expect, it } from 'vitest';

const onCi = Boolean(process.env.CI);

it.runIf(onCi)('reports coverage on CI', () => {
  expect(onCi).toBe(true);
});

it.skipIf(process.platform === 'win32')('uses POSIX paths', () => {
  expect('/a/b'.split('/')).toHaveLength(3);
});
