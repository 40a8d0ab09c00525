// The bottom line of the window: which catalog is open, whether it is saved, and Undo/Redo saying what they would undo.
import type { AppStatus, SaveState } from '../../../shared/api/contract';
import { formatTime } from '../ui/format';

export function saveStateText(save: SaveState): string {
  if (save.conflict) return 'Not saved: the file changed on disk';
  if (save.saving) return 'Saving…';
  if (save.error) return `Not saved: ${save.error.message}`;
  if (save.dirty) return 'Unsaved changes';
  return save.lastSavedAt ? `Saved ${formatTime(save.lastSavedAt)}` : 'Saved';
}

interface StatusBarProps {
  status: AppStatus;
  onUndo: () => void;
  onRedo: () => void;
  /** Saves and closes the catalog, back to the welcome screen (where other catalogs are opened). */
  onClose: () => void;
}

export function StatusBar({ status, onUndo, onRedo, onClose }: StatusBarProps) {
  const { catalog, save, undoLabel, redoLabel } = status;
  const saveProblem = Boolean(save.error || save.conflict);
  return (
    <footer className="status-bar">
      <div className="status-bar-catalog">
        {catalog ? (
          <>
            <strong title={catalog.path}>{catalog.fileName}</strong>
            <span className="muted"> · {catalog.departmentName}</span>
            {catalog.isSample && <span className="badge">Sample</span>}
          </>
        ) : (
          <span className="muted">No catalog open</span>
        )}
      </div>
      {catalog && (
        <button type="button" className="button-link status-bar-close" onClick={onClose}>
          Close catalog
        </button>
      )}
      {catalog && (
        <div className={saveProblem ? 'status-bar-save text-danger' : 'status-bar-save'} data-save-state title={save.error?.message}>
          {saveStateText(save)}
        </div>
      )}
      {catalog && (
        <div className="status-bar-history">
          <button type="button" onClick={onUndo} disabled={!undoLabel} aria-describedby="undo-label" title="Undo (Ctrl+Z)">
            Undo
          </button>
          <span id="undo-label" className="muted history-label">
            {undoLabel ?? 'Nothing to undo'}
          </span>
          <button type="button" onClick={onRedo} disabled={!redoLabel} aria-describedby="redo-label" title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
          <span id="redo-label" className="muted history-label">
            {redoLabel ?? ''}
          </span>
        </div>
      )}
    </footer>
  );
}
