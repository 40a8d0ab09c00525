// Shown when no catalog is open: start a catalog of your own, try the sample, or reopen a recent one.
import { useState } from 'react';
import type { AppStatus, JobStatus } from '../../../shared/api/contract';
import { api, ApiCallError } from '../api/client';
import { JobProgress } from '../jobs/job-progress';
import { ErrorMessage } from '../ui/error-message';
import { formatDateTime } from '../ui/format';
import { CreateCatalogForm } from './create-catalog-form';

export function WelcomeScreen({ status, onOpened }: { status: AppStatus; onOpened: () => void }) {
  const [sampleJob, setSampleJob] = useState<string | null>(null);
  const [sampleNote, setSampleNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [failedPath, setFailedPath] = useState<string | null>(null);

  const openSample = async () => {
    setError(null);
    setSampleNote(null);
    try {
      const { jobId } = await api['catalog.openSample']({});
      setSampleJob(jobId);
    } catch (failure) {
      setError(failure);
    }
  };

  const sampleDone = (job: JobStatus) => {
    setSampleJob(null);
    if (job.state === 'done') onOpened();
    else if (job.state === 'cancelled') setSampleNote('The sample catalog was not opened: you cancelled it.');
    else setError(job.error ? new ApiCallError(job.error) : new Error(job.message));
  };

  const openRecent = async (path: string, how: 'normally' | 'read-only' | 'backup' = 'normally') => {
    setError(null);
    setFailedPath(null);
    try {
      if (how === 'backup') await api['catalog.openBackup']({ path });
      else await api['catalog.open']({ path, ...(how === 'read-only' ? { readOnly: true } : {}) });
      onOpened();
    } catch (failure) {
      setError(failure);
      setFailedPath(path);
    }
  };
  // A catalog another program has open can still be looked at; a damaged one can be replaced by its newest backup.
  const failureCode = error instanceof ApiCallError ? error.code : null;
  const hasBackup = error instanceof ApiCallError && typeof error.details?.backupPath === 'string';

  return (
    <main className="welcome" id="main">
      <h1>Welcome to Transmittal</h1>
      <p className="lead">
        Describe your office’s boxes and folders in your own words, see when each can be let go, and keep a receipt
        for everything you send to the records center.
      </p>
      <ErrorMessage error={error} />
      {failedPath && (failureCode === 'catalog-locked' || (failureCode === 'catalog-corrupt' && hasBackup)) && (
        <p className="banner-actions">
          {failureCode === 'catalog-locked' ? (
            <button type="button" onClick={() => void openRecent(failedPath, 'read-only')}>
              Open read-only
            </button>
          ) : (
            <button type="button" onClick={() => void openRecent(failedPath, 'backup')}>
              Open a copy of the newest backup
            </button>
          )}
        </p>
      )}
      <div className="choice-grid">
        <section className="choice-card" aria-labelledby="create-heading">
          <h2 id="create-heading">Start your own catalog</h2>
          <p className="muted">For your department’s real records. You can add its address and contacts later.</p>
          <CreateCatalogForm onCreated={onOpened} />
        </section>
        <section className="choice-card" aria-labelledby="sample-heading">
          <h2 id="sample-heading">Look around first</h2>
          <p className="muted">
            A made-up department with a retention schedule, boxes and folders, to try everything safely. Nothing in it
            is real.
          </p>
          {sampleJob ? (
            <JobProgress jobId={sampleJob} onDone={sampleDone} />
          ) : (
            <button type="button" className="button-large" onClick={openSample}>
              Open the sample catalog
            </button>
          )}
          {sampleNote && <p className="muted">{sampleNote}</p>}
        </section>
      </div>
      {status.recentCatalogs.length > 0 && (
        <section className="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent catalogs</h2>
          <ul className="recent-list">
            {status.recentCatalogs.map((recent) => (
              <li key={recent.path}>
                <button type="button" className="button-link" onClick={() => openRecent(recent.path)}>
                  {recent.fileName}
                </button>
                <span className="muted"> opened {formatDateTime(recent.openedAt)}</span>
                <div className="hint">{recent.path}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
