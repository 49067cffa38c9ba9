import { useEffect, useRef, type RefObject } from 'react';

type Options = {
  /** Where focus starts once the dialog is open; the browser's own choice when left out. */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Where focus goes when the dialog closes: the element this selector finds, else the element that
   * had focus when it opened. The opener may have been re-mounted meanwhile (a card moved to another
   * column), which a selector survives and a remembered element does not.
   */
  returnFocusSelector?: string;
};

/**
 * Opens a native <dialog> modally (the browser then keeps focus inside and makes the rest inert),
 * routes Escape through `onClose`, and hands focus back when it closes.
 */
export function useModalDialog(onClose: () => void, { initialFocus, returnFocusSelector }: Options = {}) {
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
    initialFocus?.current?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      const target = (returnFocusSelector ? document.querySelector<HTMLElement>(returnFocusSelector) : null) ?? opener;
      if (target?.isConnected) target.focus();
    };
  }, [initialFocus, returnFocusSelector]);

  return ref;
}
