// useStore(): re-renders the component whenever the store changes, including a change made after
// the component was drawn but before its subscription took effect.
import { useEffect, useReducer } from 'preact/hooks';
import type { State } from '../state';
import { store } from '../store';

export function useStore(): State {
  const [, bump] = useReducer((n: number, _: void) => n + 1, 0);
  const drawn = store.s;
  useEffect(() => {
    const unsubscribe = store.subscribe(bump);
    if (store.s !== drawn) bump();
    return unsubscribe;
  }, []);
  return drawn;
}
