// Taking in a file someone sent (an acknowledgment, an amendments file): send it, call the API with it, and keep
// what it said, what went wrong, and whether it is still working, for the panel that offers the file input.
import { useState } from 'react';
import { sendFile } from './files';
import type { FileRef } from '../../../shared/api/file-ref';

export interface FileTakeIn {
  takeIn(file: File | undefined): Promise<void>;
  message: string | null;
  error: unknown;
  working: boolean;
}

export function useFileTakeIn(call: (file: FileRef) => Promise<{ message: string }>, onDone: () => void): FileTakeIn {
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function takeIn(file: File | undefined) {
    if (!file) return;
    setWorking(true);
    setError(null);
    setMessage(null);
    try {
      setMessage((await call(await sendFile(file))).message);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  }

  return { takeIn, message, error, working };
}
