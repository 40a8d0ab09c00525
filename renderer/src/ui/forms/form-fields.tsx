// Labelled form fields with a hint saying why the fact matters and a problem message tied to the input,
// shared by the department, records center and schedule forms.
import type { HTMLAttributes, ReactNode } from 'react';
import './forms.css';

/** The ids a field's input points to with aria-describedby: its hint, then its problem. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email' | 'tel';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  /** 'short' for numbers and codes. */
  size?: 'short' | 'full';
  autoFocus?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, hint, error, required, multiline, rows = 3, type = 'text', inputMode, autoComplete } = props;
  const common = {
    id,
    name: id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-required': required ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'data-autofocus': props.autoFocus ? '' : undefined,
    className: props.size === 'short' ? 'field-input field-input--short' : 'field-input',
  };
  return (
    <div className="form-field">
      {/* "(required)" sits outside the label and hidden from assistive tech (aria-required says it), so the field's
          name stays "Item number" for people using screen readers and for tests finding it by label. */}
      <div className="field-label-line">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {required ? (
          <span className="field-required" aria-hidden="true">
            (required)
          </span>
        ) : null}
      </div>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The form's own problem line: what the server said, in its words, next to the form (role="alert" is read at once). */
export function FormProblem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="form-problem">
      {message}
    </p>
  );
}
