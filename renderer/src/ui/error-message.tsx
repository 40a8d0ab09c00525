// Shows what went wrong in the words the Node side chose; anything else becomes a calm generic sentence, never a stack.
import { ApiCallError } from '../api/client';

export function errorText(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Something went wrong inside Transmittal. Your saved catalog is unchanged; try again.';
}

export function ErrorMessage({ error, id, className }: { error: unknown; id?: string; className?: string }) {
  if (!error) return null;
  return (
    <p role="alert" id={id} className={`error-message ${className ?? ''}`.trim()}>
      {errorText(error)}
    </p>
  );
}
