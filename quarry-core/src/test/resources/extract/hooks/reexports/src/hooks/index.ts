export { default as useToggle } from './useToggle';
export { useUser, useNothing } from './useUser';
export * from './useUser';
