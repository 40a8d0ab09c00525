// Long work (building the sample catalog, later imports and packages) runs as a job: it reports progress, can be
// cancelled, and yields to the event loop between chunks so calls from the UI keep being answered.
import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../shared/api/contract';
import { AppError, toErrorShape } from '../../shared/domain/errors';

export interface JobControl {
  /** fraction 0..1 */
  progress(fraction: number, message?: string): void;
  readonly cancelled: boolean;
  /** Lets other calls run; throws a 'cancelled' error once the user cancelled. */
  checkpoint(): Promise<void>;
}

const KEEP_FINISHED = 50;

export class Jobs {
  /** `explain` turns a low-level failure (SQLite's words) into the error people should read. */
  constructor(private readonly explain: (error: unknown) => unknown = (error) => error) {}

  private readonly jobs = new Map<string, JobStatus & { cancelRequested: boolean; finished: Promise<void> }>();

  start(title: string, work: (control: JobControl) => Promise<void>): string {
    const id = randomUUID();
    const job: JobStatus & { cancelRequested: boolean; finished: Promise<void> } = {
      id, title, state: 'running', progress: 0, message: 'Starting…', error: null, cancelRequested: false, finished: Promise.resolve(),
    };
    this.jobs.set(id, job);
    const control: JobControl = {
      progress(fraction, message) {
        job.progress = Math.max(0, Math.min(1, fraction));
        if (message) job.message = message;
      },
      get cancelled() {
        return job.cancelRequested;
      },
      async checkpoint() {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (job.cancelRequested) throw new AppError('cancelled', `${title} was cancelled. Nothing was changed.`);
      },
    };
    job.finished = work(control).then(
      () => {
        job.state = 'done';
        job.progress = 1;
        job.message = 'Done';
      },
      (error: unknown) => {
        const shape = toErrorShape(this.explain(error));
        job.state = shape.code === 'cancelled' ? 'cancelled' : 'failed';
        job.error = shape;
        job.message = shape.message;
      },
    );
    this.prune();
    return id;
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not-found', 'That job is not known: it may have finished long ago.');
    const { cancelRequested: _cancel, finished: _finished, ...status } = job;
    return { ...status };
  }

  cancel(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not-found', 'That job is not known: it may have finished long ago.');
    if (job.state === 'running') {
      job.cancelRequested = true;
      job.message = 'Cancelling…';
    }
    return this.get(id);
  }

  /** Resolves when the job has finished, whatever its outcome (tests, the CLI and shutdown wait on it). */
  async wait(id: string): Promise<JobStatus> {
    await this.jobs.get(id)?.finished;
    return this.get(id);
  }

  async waitAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.finished));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id);
  }
}
