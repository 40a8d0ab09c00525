// The file input where a file the other side sent is taken in (a notice, a certificate, a request, an update), with
// what came of it under it: what Transmittal made of the file, with a link to open it, or why it was refused.
import { useId, useState, type ReactNode } from 'react';
import type { FileRef } from '../../../shared/api/file-ref';
import { useFileTakeIn } from '../api/use-file-take-in';
import { ErrorMessage } from './error-message';

interface FileTakeInFieldProps<Result extends { message: string }> {
  /** The input's label: which file, and who sent it. */
  label: string;
  /** Hands the chosen file to the API call that takes it in. */
  takeIn: (file: FileRef) => Promise<Result>;
  onTakenIn: () => void;
  /** Above the input: what the file is and what is checked before it is taken in. */
  hint?: ReactNode;
  /** Said while the file is taken in, where that can take a moment. */
  workingWords?: string;
  /** What the file made, to open from the message (the request, the notice, the hold). */
  openLink?: (result: Result) => ReactNode;
  /** Empties the input after each choice, so the same file chosen again is taken in again (and says it changed nothing). */
  sameFileAgain?: boolean;
}

export function FileTakeInField<Result extends { message: string }>({ label, takeIn, onTakenIn, hint, workingWords, openLink, sameFileAgain }: FileTakeInFieldProps<Result>) {
  const hintId = useId();
  const [taken, setTaken] = useState<Result | null>(null);
  const intake = useFileTakeIn(async (file) => {
    const result = await takeIn(file);
    setTaken(result);
    return result;
  }, onTakenIn);
  const link = taken && openLink ? openLink(taken) : null;

  return (
    <>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <label className="field">
        <span>{label}</span>
        <input
          type="file"
          accept=".json,application/json"
          aria-describedby={hint ? hintId : undefined}
          disabled={intake.working}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (sameFileAgain) event.target.value = '';
            setTaken(null);
            void intake.takeIn(file);
          }}
        />
      </label>
      {intake.working && workingWords && <p role="status">{workingWords}</p>}
      {intake.message && (
        <p role="status" className="success-message">
          {intake.message}
          {link && (
            <>
              {' '}
              {link}
            </>
          )}
        </p>
      )}
      <ErrorMessage error={intake.error} />
    </>
  );
}
