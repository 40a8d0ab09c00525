// The boxes in a transfer, "box n of N", each opening in the catalog; while it is a draft, boxes can be taken out.
import { useState } from 'react';
import type { TransferDetail } from '../../../shared/api/contract-transfers';
import { isEditable } from '../../../shared/transfer/statuses';
import { api } from '../api/client';
import { routeHref } from '../app/routes';
import { ErrorMessage } from '../ui/error-message';
import { boxStatusLabels, formatCount, formatDateRange, plural } from '../ui/format';

export function TransferBoxes({ transfer, onRemoved }: { transfer: TransferDetail; onRemoved: (message: string) => void }) {
  const editable = isEditable(transfer.status);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const toggle = (boxId: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(boxId)) next.add(boxId);
      return next;
    });

  async function remove() {
    setError(null);
    try {
      const { removed } = await api['transfers.removeBoxes']({ id: transfer.id, boxIds: [...selected] });
      setSelected(new Set());
      onRemoved(`Removed ${plural(removed, 'box', 'boxes')} from the transfer; they are back in the office.`);
    } catch (failure) {
      setError(failure);
    }
  }

  const total = transfer.boxes.length;
  return (
    <section aria-labelledby="transfer-boxes-heading">
      <div className="list-bar">
        <h2 id="transfer-boxes-heading">Boxes in this transfer</h2>
        {editable && total > 0 && (
          <button type="button" onClick={() => void remove()} disabled={selected.size === 0}>
            Remove selected boxes
          </button>
        )}
      </div>
      <ErrorMessage error={error} />
      {total === 0 ? (
        <p className="muted">No boxes yet.</p>
      ) : (
        <table className="transfers-table">
          <thead>
            <tr>
              {editable && (
                <th scope="col">
                  <span className="sr-only">Select</span>
                </th>
              )}
              <th scope="col">Box</th>
              <th scope="col">Label</th>
              <th scope="col">Folders</th>
              <th scope="col">Cu. ft.</th>
              <th scope="col">Dates</th>
              <th scope="col">Series</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {transfer.boxes.map((box) => (
              <tr key={box.sequence}>
                {editable && (
                  <td>
                    {box.boxId !== null && (
                      <input
                        type="checkbox"
                        aria-label={`Select box ${box.label}`}
                        checked={selected.has(box.boxId)}
                        onChange={() => toggle(box.boxId!)}
                      />
                    )}
                  </td>
                )}
                <td>
                  {box.sequence} of {total}
                </td>
                <th scope="row">
                  {box.boxId !== null ? <a href={routeHref({ screen: 'catalog', boxId: box.boxId })}>{box.label}</a> : box.label}
                  {box.confidential && <span className="badge">Confidential</span>}
                </th>
                <td>{formatCount(box.folders)}</td>
                <td>{box.cubicFeet}</td>
                <td>{formatDateRange(box.dateFrom, box.dateTo)}</td>
                <td>{box.itemNumbers.join(', ')}</td>
                <td>{box.status ? boxStatusLabels[box.status] : 'No longer in the catalog'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
