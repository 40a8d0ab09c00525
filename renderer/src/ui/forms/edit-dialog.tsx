// A modal dialog for the add/edit/delete forms of the profile and schedule screens. The native <dialog> gives
// modality (the page behind is inert) and Escape; this adds focus in on open and back to the opener on close.
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './forms.css';

interface EditDialogProps {
  /** The dialog's heading and accessible name. */
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'alertdialog' for confirmations that interrupt (delete). */
  role?: 'dialog' | 'alertdialog';
  /** Id of the sentence that explains an alert dialog. */
  describedBy?: string;
}

const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Mounted means open: render it only while the form is shown. */
export function EditDialog({ title, onClose, children, role = 'dialog', describedBy }: EditDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Wait for the commit to finish: a delete removes the opener's row in the same commit. Skip it when the
      // dialog is still in the page (React's strict-mode rehearsal of an unmount), or focus would leave the dialog.
      queueMicrotask(() => {
        if (dialog.isConnected) return;
        // The opener is gone when the dialog deleted its row: the screen's heading is the calmest place to land.
        const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('h1[tabindex="-1"]');
        target?.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="edit-dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // Escape: React unmounts the dialog, rather than the browser hiding it behind React's back. Chromium may
        // refuse the preventDefault (repeated Escape without a click) and close natively; unmounting covers both.
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <h2 id={titleId} className="edit-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
