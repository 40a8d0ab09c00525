// What stands between the open catalog and the disk, said at the top of the window until it is resolved: another
// program changed the file (reload or save as), a save failed (try again or save as), or the catalog is read-only
// (save a copy to work on). Transmittal never drops or overwrites changes silently; the person chooses.
import { useState } from 'react';
import type { AppStatus } from '../../../shared/api/contract';
import { api } from '../api/client';
import { useDialogs } from '../ui/dialogs';
import { ErrorMessage } from '../ui/error-message';
import { catalogStem } from '../../../shared/domain/words';

type Problem = 'conflict' | 'save-failed' | 'read-only';

export function saveProblemOf(status: AppStatus): Problem | null {
  if (!status.catalog) return null;
  if (status.save.conflict) return 'conflict';
  if (status.catalog.readOnly !== null) return 'read-only';
  if (status.save.error && status.save.error.code !== 'internal') return 'save-failed';
  return null;
}

export function SaveProblemBanner({ status, onResolved }: { status: AppStatus; onResolved: () => void }) {
  const dialogs = useDialogs();
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const problem = saveProblemOf(status);
  if (!problem || !status.catalog) return null;
  const { fileName, readOnly } = status.catalog;

  const run = async (work: () => Promise<unknown>) => {
    setWorking(true);
    setError(null);
    try {
      await work();
      onResolved();
    } catch (failure) {
      setError(failure);
      onResolved();
    } finally {
      setWorking(false);
    }
  };

  const reload = async () => {
    const sure = await dialogs.confirm({
      title: 'Reload from disk?',
      message: `The copy of ${fileName} on disk replaces what is open here. Changes made here since the last save are lost.`,
      confirmLabel: 'Reload from disk',
      danger: true,
    });
    if (sure) await run(() => api['catalog.reload']({}));
  };

  const saveAs = async () => {
    const name = await dialogs.prompt({
      title: 'Save as new catalog',
      message: 'Keep what is open here as a separate catalog. The file it came from is left as it is.',
      label: 'New catalog name',
      defaultValue: `${catalogStem(fileName)} (my copy)`,
      confirmLabel: 'Save as new catalog',
    });
    if (name) await run(() => api['catalog.saveAs']({ fileName: name }));
  };

  const title =
    problem === 'conflict'
      ? 'This catalog was changed by another program since you opened it. Transmittal has stopped saving so nothing is overwritten.'
      : problem === 'read-only'
        ? `This catalog is open read-only: ${readOnly}. You can look at everything; to make changes, save a copy under a new name.`
        : `Your latest changes are not saved: ${status.save.error?.message ?? ''}`;

  return (
    <section className={problem === 'read-only' ? 'banner banner-info' : 'banner banner-warning'} aria-labelledby="save-problem-title" data-save-problem={problem}>
      <div>
        <p id="save-problem-title" role={problem === 'read-only' ? 'status' : 'alert'} className="banner-title">
          {title}
        </p>
        <ErrorMessage error={error} />
      </div>
      <div className="banner-actions">
        {problem === 'conflict' && (
          <button type="button" onClick={reload} disabled={working}>
            Reload from disk
          </button>
        )}
        {problem === 'save-failed' && (
          <button type="button" onClick={() => void run(() => api['catalog.save']({}))} disabled={working}>
            Try saving again
          </button>
        )}
        <button type="button" onClick={saveAs} disabled={working}>
          Save as new catalog…
        </button>
      </div>
    </section>
  );
}
