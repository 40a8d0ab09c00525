// Step 1: which file, and whether it is a box list or a retention schedule. Reading starts at once.
import { useId, useState } from 'react';
import { MAX_IMPORT_FILE_BYTES, type ImportKind } from '../../../shared/api/contract-import';
import { api } from '../api/client';
import { sendFile } from '../api/files';
import { ErrorMessage } from '../ui/error-message';

interface ChooseStepProps {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  onReading: (jobId: string, fileName: string) => void;
  onCancel: () => void;
  error: unknown;
}

export function ChooseStep({ kind, onKindChange, onReading, onCancel, error }: ChooseStepProps) {
  const [problem, setProblem] = useState<unknown>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const hintId = useId();

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setTooBig(null);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setTooBig(`“${file.name}” is larger than ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB. Split it into smaller files, or save it without pictures and formatting.`);
      return;
    }
    setWorking(true);
    try {
      const { jobId } = await api['import.open']({ file: await sendFile(file) });
      onReading(jobId, file.name);
    } catch (failure) {
      setProblem(failure);
      setWorking(false);
    }
  };

  return (
    <div className="stack">
      <h3>Choose the file</h3>
      <fieldset className="import-kind">
        <legend>What does the file hold?</legend>
        <label>
          <input type="radio" name="import-kind" checked={kind === 'inventory'} onChange={() => onKindChange('inventory')} /> A box list (boxes
          and folders)
        </label>
        <label>
          <input type="radio" name="import-kind" checked={kind === 'schedule'} onChange={() => onKindChange('schedule')} /> A retention
          schedule
        </label>
      </fieldset>
      <label className="field">
        <span>Spreadsheet file</span>
        <input
          type="file"
          accept=".xlsx,.xls,.ods,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
          aria-describedby={hintId}
          disabled={working}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        <span id={hintId} className="hint">
          Excel (.xlsx, .xls), OpenDocument (.ods) or CSV, up to {MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB. Nothing is written to your
          catalog until you have checked the preview.
        </span>
      </label>
      {tooBig && (
        <p role="alert" className="error-message">
          {tooBig}
        </p>
      )}
      <ErrorMessage error={problem ?? error} />
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
