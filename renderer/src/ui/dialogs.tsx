// Asking before something hard to take back, and asking for a name: promise-based so a screen reads
// `if (await confirm(...))`, rendered in the page (not window.confirm) so it looks and reads like the rest of the app.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Modal } from './modal';

interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** The answer that changes nothing ("Cancel" unless said). */
  cancelLabel?: string;
  danger?: boolean;
}
interface PromptRequest {
  title: string;
  message?: string;
  label: string;
  defaultValue?: string;
  confirmLabel: string;
}

interface Dialogs {
  confirm(request: ConfirmRequest): Promise<boolean>;
  prompt(request: PromptRequest): Promise<string | null>;
}

type Pending =
  | { kind: 'confirm'; request: ConfirmRequest; resolve: (answer: boolean) => void }
  | { kind: 'prompt'; request: PromptRequest; resolve: (answer: string | null) => void };

const DialogsContext = createContext<Dialogs | null>(null);

export function useDialogs(): Dialogs {
  const dialogs = useContext(DialogsContext);
  if (!dialogs) throw new Error('useDialogs needs a <DialogsProvider> above it');
  return dialogs;
}

export function DialogsProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);

  const confirm = useCallback(
    (request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ kind: 'confirm', request, resolve })),
    [],
  );
  const prompt = useCallback(
    (request: PromptRequest) => new Promise<string | null>((resolve) => setPending({ kind: 'prompt', request, resolve })),
    [],
  );
  const dialogs = useMemo(() => ({ confirm, prompt }), [confirm, prompt]);

  const finish = (answer: boolean | string | null) => {
    if (!pending) return;
    setPending(null);
    if (pending.kind === 'confirm') pending.resolve(answer === true);
    else pending.resolve(typeof answer === 'string' ? answer : null);
  };

  return (
    <DialogsContext.Provider value={dialogs}>
      {children}
      {pending?.kind === 'confirm' && (
        <Modal title={pending.request.title} onCancel={() => finish(false)}>
          <p>{pending.request.message}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => finish(false)}>
              {pending.request.cancelLabel ?? 'Cancel'}
            </button>
            <button
              type="button"
              className={pending.request.danger ? 'button-danger' : 'button-primary'}
              onClick={() => finish(true)}
            >
              {pending.request.confirmLabel}
            </button>
          </div>
        </Modal>
      )}
      {pending?.kind === 'prompt' && (
        <Modal title={pending.request.title} onCancel={() => finish(null)}>
          <PromptForm request={pending.request} onAnswer={finish} />
        </Modal>
      )}
    </DialogsContext.Provider>
  );
}

function PromptForm({ request, onAnswer }: { request: PromptRequest; onAnswer: (answer: string | null) => void }) {
  const [text, setText] = useState(request.defaultValue ?? '');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onAnswer(text.trim());
      }}
    >
      {request.message && <p>{request.message}</p>}
      <label className="field">
        <span>{request.label}</span>
        <input autoFocus value={text} onChange={(event) => setText(event.target.value)} required />
      </label>
      <div className="modal-actions">
        <button type="button" onClick={() => onAnswer(null)}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={!text.trim()}>
          {request.confirmLabel}
        </button>
      </div>
    </form>
  );
}
