// Short notices at the bottom of the window ("Box deleted — Undo"); they announce themselves politely to screen
// readers and go away on their own.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  /** A fuller name for assistive technology when the visible label is short ("Undo" → "Undo delete"). */
  accessibleName?: string;
  run: () => void;
}
export interface ToastRequest {
  message: string;
  action?: ToastAction;
}
interface Toast extends ToastRequest {
  id: number;
}

const TOAST_MS = 10_000;
const ToastContext = createContext<(toast: ToastRequest) => void>(() => {});

export function useToast(): (toast: ToastRequest) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback((request: ToastRequest) => {
    const id = nextId.current++;
    // Keep only the latest few: older "Undo" offers would undo something else by now.
    setToasts((current) => [...current.slice(-2), { ...request, id }]);
  }, []);

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status" aria-live="polite">
          {toasts.map((toast) => (
            <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, onDismiss]);
  return (
    <div className="toast">
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button-link"
          aria-label={toast.action.accessibleName}
          onClick={() => {
            toast.action?.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="button-icon" aria-label="Dismiss notification" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
