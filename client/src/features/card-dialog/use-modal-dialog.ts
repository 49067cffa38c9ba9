import { useEffect, useRef } from 'react';

/**
 * Opens a native <dialog> modally (the browser then keeps focus inside and makes the rest inert),
 * routes Escape through `onClose`, and hands focus back to the card it was opened from.
 */
export function useModalDialog(onClose: () => void, returnFocusSelector: string) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      // The card may have been re-mounted (moved to another column) while the dialog was open.
      const target = document.querySelector<HTMLElement>(returnFocusSelector) ?? opener;
      target?.focus();
    };
  }, [returnFocusSelector]);

  return ref;
}
