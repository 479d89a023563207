import { useCallback, useEffect, useRef } from 'react';

/**
 * Whether an Escape keydown was meant for a dialog. Mantine closes its modals from a window
 * capture listener, and the modal may be gone from the DOM before screen keys look for it
 * (lib/keys.ts checks at document level), so the same Escape would also close the screen below.
 * This listener is added when the screen mounts, before any dialog's, so it sees the dialog
 * still open and remembers that keydown.
 */
export function useDialogEscape(): (event: KeyboardEvent) => boolean {
  const owned = useRef<Event | null>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && document.querySelector('[role="dialog"][aria-modal="true"]')) owned.current = event;
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
  return useCallback((event: KeyboardEvent) => owned.current === event, []);
}
