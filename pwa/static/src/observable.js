// A small observable value for app-wide state (session phase, sync status) and the
// Preact hook that re-renders a component when it changes.
import { useEffect, useState } from "preact/hooks";

/** An observable object: get(), set(patch) merges and notifies, subscribe(fn) → unsubscribe. */
export function observable(initial) {
  let value = initial;
  const listeners = new Set();
  return {
    get: () => value,
    set(patch) {
      value = { ...value, ...patch };
      listeners.forEach((listener) => listener(value));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The current value of an observable, re-rendering the component on every change. */
export function useObservable(source) {
  const [value, setValue] = useState(source.get());
  useEffect(() => {
    setValue(source.get());
    return source.subscribe(setValue);
  }, [source]);
  return value;
}
