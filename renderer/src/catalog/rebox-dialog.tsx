// Re-box by disposition date: a box is destroyed or kept as a whole, so a box mixing dates is split, one box per
// date (or per series). The plan is shown first; applying it is one undoable change.
import { useState } from 'react';
import type { ReboxGrouping, ReboxResult } from '../../../shared/api/contract-catalog';
import type { Box } from '../../../shared/domain/types';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { Modal } from '../ui/modal';

export function ReboxDialog({ box, onClose, onDone }: { box: Box; onClose: () => void; onDone: (result: ReboxResult) => void }) {
  const [by, setBy] = useState<ReboxGrouping>('date');
  const plan = useQuery(() => api['boxes.planRebox']({ boxId: box.id, by }), [box.id, by]);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const groups = plan.value?.groups ?? [];
  const splits = groups.length > 1;

  async function apply() {
    if (!plan.value) return;
    setApplying(true);
    try {
      onDone(await api['boxes.rebox']({ boxId: box.id, by, expectFolders: groups.reduce((sum, group) => sum + group.folders, 0) }));
    } catch (failure) {
      setError(failure);
      setApplying(false);
      plan.reload();
    }
  }

  return (
    <Modal title={`Re-box ${box.label}`} onCancel={onClose}>
      <p>A box is destroyed or kept as a whole. Splitting it lets each group of folders go when its own date comes.</p>
      <fieldset className="plain-fieldset">
        <legend>One box per</legend>
        <label className="form-choice">
          <input type="radio" name="rebox-by" checked={by === 'date'} onChange={() => setBy('date')} /> disposition date
        </label>
        <label className="form-choice">
          <input type="radio" name="rebox-by" checked={by === 'series'} onChange={() => setBy('series')} /> series
        </label>
      </fieldset>
      <ErrorMessage error={plan.error ?? error} />
      {plan.value && !splits && <p role="status">Box {box.label} holds one {by === 'date' ? 'disposition date' : 'series'} only: there is nothing to re-box.</p>}
      {splits && (
        <table className="plain-table" aria-label="Re-box plan">
          <thead>
            <tr>
              <th scope="col">Box</th>
              <th scope="col">Folders</th>
              <th scope="col">Holds</th>
              <th scope="col">For example</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.label}>
                <td>
                  {group.label}
                  {group.isNew ? ' (new)' : ' (stays)'}
                </td>
                <td>{group.folders}</td>
                <td>{group.describes}</td>
                <td>{group.folderTitles.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {splits && (
        <p className="hint">
          {plural(groups.length - 1, 'new box is', 'new boxes are')} added beside {box.label}
          {' '}(and to its draft transfer, if it is in one, so their labels print with the package). You can undo it.
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button-primary" disabled={!splits || applying} onClick={() => void apply()}>
          {splits ? `Re-box into ${plural(groups.length, 'box', 'boxes')}` : 'Re-box'}
        </button>
      </div>
    </Modal>
  );
}
