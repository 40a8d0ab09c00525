// Asks before deleting a profile or schedule item, and shows the catalog's answer when it refuses
// (a schedule item folders still use, a records center a transfer names).
import { useId, useState, type ReactNode } from 'react';
import { EditDialog } from './edit-dialog';
import { messageOfError } from './field-errors';
import { FormProblem } from './form-fields';

interface ConfirmDeleteDialogProps {
  title: string;
  /** What will be deleted and what it means, in a sentence or two. */
  children: ReactNode;
  /** The delete button's text, naming what it deletes ("Delete schedule item"). */
  confirmLabel: string;
  /** Deletes; throws the API error when the catalog refuses. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDeleteDialog({ title, children, confirmLabel, onConfirm, onClose }: ConfirmDeleteDialogProps) {
  const explanationId = useId();
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    setProblem(null);
    try {
      await onConfirm();
    } catch (error) {
      setProblem(messageOfError(error));
      setDeleting(false);
    }
  }

  return (
    <EditDialog title={title} role="alertdialog" describedBy={explanationId} onClose={onClose}>
      <div id={explanationId}>{children}</div>
      <FormProblem message={problem} />
      <div className="form-actions">
        {/* Never disabled while working: a disabled button drops the keyboard focus to the page. */}
        <button type="button" className="button-danger" aria-busy={deleting} onClick={() => void confirm()}>
          {confirmLabel}
        </button>
        {/* Cancel takes the focus: Enter on an unexpected dialog must never delete. */}
        <button type="button" data-autofocus="" onClick={onClose}>
          Cancel
        </button>
      </div>
    </EditDialog>
  );
}
