// A background job's progress (building the sample catalog, later imports and packages): a bar, its message and a
// Cancel button. Polls jobs.get until the job stops, then hands its final status to onDone.
import { useEffect, useId, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/contract';
import { api, ApiCallError, quietApi } from '../api/client';
import { beginWork } from '../api/busy';
import { ErrorMessage } from '../ui/error-message';

const POLL_MS = 200;

export function JobProgress({ jobId, onDone }: { jobId: string; onDone: (job: JobStatus) => void }) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const labelId = useId();
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    // A running job is work the screen is waiting for, even between polls.
    const endWork = beginWork();
    const poll = async () => {
      try {
        const status = await quietApi['jobs.get']({ id: jobId });
        if (stopped) return;
        setJob(status);
        if (status.state !== 'running') {
          endWork();
          onDoneRef.current(status);
          return;
        }
      } catch (failure) {
        if (stopped) return;
        setError(failure);
        endWork();
        return;
      }
      timer = window.setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      endWork();
    };
  }, [jobId]);

  const cancel = async () => {
    setCancelling(true);
    try {
      await api['jobs.cancel']({ id: jobId });
    } catch (failure) {
      setError(failure);
      setCancelling(false);
    }
  };

  const percent = Math.round(Math.min(1, Math.max(0, job?.progress ?? 0)) * 100);
  const running = !job || job.state === 'running';
  const failure = error ?? (job?.state === 'failed' && job.error ? new ApiCallError(job.error) : null);

  return (
    <div className="job-progress">
      <div className="job-progress-head">
        <span id={labelId}>{job?.title ?? 'Working…'}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={job?.message ? `${percent}% — ${job.message}` : `${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted job-progress-message">
        {job?.state === 'cancelled' ? 'Cancelled.' : (job?.message ?? 'Starting…')}
      </p>
      {running && !error && (
        <button type="button" onClick={cancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
      <ErrorMessage error={failure} />
    </div>
  );
}
