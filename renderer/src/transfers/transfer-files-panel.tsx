// Electronic records going with a transfer: chosen files are named by reference (their path in the desktop app, an
// upload in the browser), read once for their checksums, and copied into the package's data/records/ folder.
import { useId, useState } from 'react';
import type { JobStatus } from '../../../shared/api/contract';
import type { TransferDetail } from '../../../shared/api/contract-transfers';
import { isEditable } from '../../../shared/transfer/statuses';
import { api, ApiCallError } from '../api/client';
import { sendFile } from '../api/files';
import { JobProgress } from '../jobs/job-progress';
import { ErrorMessage } from '../ui/error-message';

const megabytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

export function TransferFilesPanel({ transfer, onChanged }: { transfer: TransferDetail; onChanged: (message: string) => void }) {
  const editable = isEditable(transfer.status);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const hintId = useId();
  if (!editable && transfer.files.length === 0) return null;

  const choose = async (chosen: FileList | null) => {
    if (!chosen || chosen.length === 0) return;
    setError(null);
    setSending(true);
    try {
      const files = [];
      for (const file of Array.from(chosen)) files.push(await sendFile(file));
      setJobId((await api['transfers.addFiles']({ id: transfer.id, files })).jobId);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  const finished = (job: JobStatus) => {
    setJobId(null);
    if (job.state === 'done') onChanged(job.title.replace(/^Adding/, 'Added'));
    else if (job.error) setError(new ApiCallError(job.error));
  };

  const remove = async (fileId: number, name: string) => {
    setError(null);
    try {
      await api['transfers.removeFiles']({ id: transfer.id, fileIds: [fileId] });
      onChanged(`Removed ${name}.`);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="transfer-files-heading" className="stack">
      <h2 id="transfer-files-heading">Electronic records</h2>
      {editable && (
        <p id={hintId} className="hint">
          Files that go with these boxes. Each is read once for its checksum; the package copies it into its records folder and refuses it if it has changed since.
        </p>
      )}
      {transfer.files.length === 0 ? (
        <p className="muted">No electronic records: this transfer sends boxes only.</p>
      ) : (
        <table className="transfers-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">SHA-256</th>
              {editable && <th scope="col"><span className="sr-only">Remove</span></th>}
            </tr>
          </thead>
          <tbody>
            {transfer.files.map((file) => {
              const name = file.relativePath.replace(/^records\//, '');
              return (
                <tr key={file.id}>
                  <td>{name}</td>
                  <td>{megabytes(file.size)}</td>
                  <td>
                    <code className="fingerprint">{file.sha256.slice(0, 16)}…</code>
                  </td>
                  {editable && (
                    <td>
                      <button type="button" className="button-link" onClick={() => void remove(file.id, name)} aria-label={`Remove ${name}`}>
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editable && (
        <label className="field">
          <span>Add files</span>
          <input type="file" multiple aria-describedby={hintId} disabled={sending || jobId !== null} onChange={(event) => void choose(event.target.files)} />
        </label>
      )}
      {jobId && <JobProgress jobId={jobId} onDone={finished} />}
      <ErrorMessage error={error} />
    </section>
  );
}
