// Step 4: what was imported, with Undo right there (the whole import is one change) and the way to the catalog.
import { useState } from 'react';
import type { ImportApplyResult } from '../../../shared/api/contract-import';
import { api } from '../api/client';
import { useHistoryActions } from '../app/history-context';
import { plural } from '../ui/format';

export function DoneStep({ result, onOpenCatalog, onClose }: { result: ImportApplyResult; onOpenCatalog: () => void; onClose: () => void }) {
  const history = useHistoryActions();
  const [undone, setUndone] = useState(false);
  const lines = [
    [result.boxesCreated, 'box added', 'boxes added'],
    [result.boxesUpdated, 'box updated', 'boxes updated'],
    [result.foldersCreated, 'folder added', 'folders added'],
    [result.foldersUpdated, 'folder updated', 'folders updated'],
    [result.foldersSkipped, 'folder skipped (already in the catalog)', 'folders skipped (already in the catalog)'],
    [result.foldersUnlinked, 'folder without a schedule item', 'folders without a schedule item'],
    [result.scheduleItemsCreated, 'schedule item added', 'schedule items added'],
    [result.scheduleItemsUpdated, 'schedule item updated', 'schedule items updated'],
    [result.scheduleItemsSkipped, 'schedule item skipped (already in the schedule)', 'schedule items skipped (already in the schedule)'],
  ] as const;

  return (
    <div className="stack">
      <h3>{undone ? 'The import was undone' : 'Imported'}</h3>
      <p role="status">{undone ? `Undone: ${result.label}. Your catalog is as it was before.` : `${result.label}.`}</p>
      {!undone && (
        <ul>
          {lines
            .filter(([total]) => total > 0)
            .map(([total, one, many]) => (
              <li key={one}>{plural(total, one, many)}</li>
            ))}
        </ul>
      )}
      <div className="modal-actions">
        {!undone && (
          <button
            type="button"
            onClick={() => {
              // The shell's undo refreshes every screen and reports its own failures; the redo offer tells it worked.
              void history.undo().then(async () => setUndone((await api['app.status']({})).redoLabel === result.label));
            }}
          >
            Undo this import
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button-primary" onClick={onOpenCatalog}>
          Open the catalog
        </button>
      </div>
    </div>
  );
}
