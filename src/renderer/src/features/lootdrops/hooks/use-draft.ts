/**
 * Form fields that outlive their component: switching tabs (or areas) and coming back finds
 * what was typed. Kept in memory for the window's life, per field key.
 */
import { useCallback, useState } from 'react';

const drafts = new Map<string, unknown>();

export function useDraft<T>(key: string, initial: T | (() => T)): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : typeof initial === 'function' ? (initial as () => T)() : initial));
  const set = useCallback(
    (next: T) => {
      drafts.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
