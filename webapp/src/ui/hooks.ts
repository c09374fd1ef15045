// useStore(): re-renders the component whenever the store changes.
import { useEffect, useReducer } from 'preact/hooks';
import type { State } from '../state';
import { store } from '../store';

export function useStore(): State {
  const [, bump] = useReducer((n: number, _: void) => n + 1, 0);
  useEffect(() => store.subscribe(bump), []);
  return store.s;
}
