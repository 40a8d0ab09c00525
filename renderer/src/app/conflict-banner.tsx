// Another program changed the catalog file while it was open. Transmittal never overwrites it silently: the person
// chooses to reload the file (losing unsaved work here) or to keep this copy under a new name.
import { useState } from 'react';
import { api } from '../api/client';
import { useDialogs } from '../ui/dialogs';
import { ErrorMessage } from '../ui/error-message';

export function ConflictBanner({ fileName, onResolved }: { fileName: string; onResolved: () => void }) {
  const dialogs = useDialogs();
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);

  const run = async (work: () => Promise<unknown>) => {
    setWorking(true);
    setError(null);
    try {
      await work();
      onResolved();
    } catch (failure) {
      setError(failure);
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
      message: 'Keep what is open here as a separate catalog. The changed file on disk is left as it is.',
      label: 'New catalog name',
      defaultValue: `${fileName.replace(/\.transmittal$/i, '')} (my copy)`,
      confirmLabel: 'Save as new catalog',
    });
    if (name) await run(() => api['catalog.saveAs']({ fileName: name }));
  };

  return (
    <section className="banner banner-warning" aria-labelledby="conflict-title">
      <div>
        <p id="conflict-title" role="alert" className="banner-title">
          This catalog was changed by another program since you opened it. Transmittal has stopped saving so nothing
          is overwritten.
        </p>
        <ErrorMessage error={error} />
      </div>
      <div className="banner-actions">
        <button type="button" onClick={reload} disabled={working}>
          Reload from disk
        </button>
        <button type="button" onClick={saveAs} disabled={working}>
          Save as new catalog…
        </button>
      </div>
    </section>
  );
}
