// Creating the transfer package (the bag folder and its zip) as a job with progress and Cancel, then saying where
// the files are and the fingerprint both sides can compare. Before sending, the package is a marked DRAFT preview.
import { useState } from 'react';
import type { JobStatus } from '../../../shared/api/contract';
import type { PackageStarted, TransferDetail } from '../../../shared/api/contract-transfers';
import { isEditable } from '../../../shared/transfer/statuses';
import { api } from '../api/client';
import { JobProgress } from '../jobs/job-progress';
import { ErrorMessage } from '../ui/error-message';
import { startDownload } from '../api/files';

type Outcome = { started: PackageStarted; job: JobStatus | null };

export function PackagePanel({ transfer }: { transfer: TransferDetail }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const preview = isEditable(transfer.status);
  const running = outcome !== null && outcome.job === null;

  async function start() {
    setError(null);
    setCopied(false);
    try {
      const started = await api['transfers.package']({ id: transfer.id });
      setOutcome({ started, job: null });
    } catch (failure) {
      setError(failure);
    }
  }

  async function download() {
    setError(null);
    try {
      startDownload(await api['transfers.packageFile']({ id: transfer.id }));
    } catch (failure) {
      setError(failure);
    }
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  const done = outcome?.job?.state === 'done' ? outcome.started : null;
  return (
    <div className="package-panel stack">
      <p className="hint">
        {preview
          ? 'You can create a preview package now to check it: its receipt is marked DRAFT, not sent. The real package comes after marking it sent.'
          : 'The package holds the manifest (JSON, spreadsheet and CSV), the receipt and the box labels, as a folder and a zip.'}
      </p>
      <div>
        <button type="button" className={preview ? undefined : 'button-primary'} onClick={() => void start()} disabled={running || transfer.boxes.length === 0}>
          Create transfer package
        </button>
      </div>
      {outcome && outcome.job === null && (
        <JobProgress jobId={outcome.started.jobId} onDone={(job) => setOutcome({ started: outcome.started, job })} />
      )}
      {outcome?.job?.state === 'failed' && (
        <p role="alert" className="error-message">
          {outcome.job.error?.message ?? 'The package could not be created.'}
        </p>
      )}
      {outcome?.job?.state === 'cancelled' && <p role="status">Cancelled: no package was written.</p>}
      {done && (
        <div className="success-message package-result" role="status">
          <p>
            {done.preview ? 'The DRAFT preview package is ready.' : 'The transfer package is ready.'} Its files are in:
          </p>
          <p>
            <code className="package-path">{done.folder}</code>{' '}
            <button type="button" className="button-link" onClick={() => void copy(done.folder)}>
              Copy path
            </button>
            {copied && <span className="hint"> Copied.</span>}
          </p>
          <p>
            and as one file: <code className="package-path">{done.zip}</code>
          </p>
          <p>
            <button type="button" onClick={() => void download()}>
              Download package (.zip)
            </button>
          </p>
          <p>
            Fingerprint: <code className="fingerprint">{done.fingerprint}</code>
          </p>
        </div>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
