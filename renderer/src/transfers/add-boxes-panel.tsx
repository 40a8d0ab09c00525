// Choosing the boxes of a transfer, three ways: tick them in the list of boxes still in the office (searchable), take
// every box in the office at once, or give a range of labels as the office numbers them ("PW-001" to "PW-040").
import { useState, type FormEvent } from 'react';
import type { AddBoxesInput } from '../../../shared/api/contract-transfers';
import { api } from '../api/client';
import { useDebounced, useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { formatCount, formatDateRange, plural } from '../ui/format';

const PAGE = 200;

export function AddBoxesPanel({ transferId, onAdded }: { transferId: number; onAdded: (message: string) => void }) {
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 150);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const inOffice = useQuery(
    () => api['boxes.list']({ offset: 0, limit: PAGE, filter: { query } }),
    [query],
  );

  async function add(input: AddBoxesInput, what: string) {
    setError(null);
    setWorking(true);
    try {
      const { added, alreadyIn, skipped } = await api['transfers.addBoxes'](input);
      setSelected(new Set());
      inOffice.reload();
      const already = alreadyIn > 0 ? ` (${plural(alreadyIn, 'box was', 'boxes were')} already in it)` : '';
      const left = skipped.length > 0 ? ` Not added: ${skipped.map((box) => box.reason).join(' ')}` : '';
      onAdded(added === 0 && alreadyIn === 0 ? `No ${what} to add: every box in the office is already in a transfer.` : `Added ${plural(added, 'box', 'boxes')}${already}.${left}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  }

  const toggle = (boxId: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(boxId)) next.add(boxId);
      return next;
    });

  const addRange = (event: FormEvent) => {
    event.preventDefault();
    void add({ id: transferId, fromLabel: from, toLabel: to }, 'boxes in that range');
  };

  const page = inOffice.value;
  return (
    <section className="add-boxes" aria-labelledby="add-boxes-heading">
      <h2 id="add-boxes-heading">Add boxes</h2>
      <div className="add-boxes-ways">
        <div className="stack">
          <label className="field field-search">
            <span>Find boxes in the office</span>
            <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Label, location or notes" />
          </label>
          {inOffice.error ? <ErrorMessage error={inOffice.error} /> : null}
          {page && page.rows.length === 0 && <p className="muted">{query ? 'No box in the office matches.' : 'Every box is already in a transfer or has left the office.'}</p>}
          {page && page.rows.length > 0 && (
            <fieldset className="box-picker">
              <legend>
                Boxes in the office{page.total > page.rows.length ? ` (first ${formatCount(page.rows.length)} of ${formatCount(page.total)}: search to narrow)` : ''}
              </legend>
              <ul>
                {page.rows.map((box) => (
                  <li key={box.id}>
                    <label>
                      <input type="checkbox" checked={selected.has(box.id)} onChange={() => toggle(box.id)} />
                      <span className="box-picker-label">{box.label}</span>
                      <span className="muted">
                        {plural(box.folderCount, 'folder', 'folders')}
                        {box.dateFrom || box.dateTo ? `, ${formatDateRange(box.dateFrom, box.dateTo)}` : ''}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={working || selected.size === 0}
              onClick={() => void add({ id: transferId, boxIds: [...selected] }, 'boxes')}
            >
              Add boxes
            </button>
            <span className="hint" aria-live="polite">
              {selected.size > 0 ? `${plural(selected.size, 'box', 'boxes')} selected` : ''}
            </span>
          </div>
        </div>
        <div className="stack">
          <div>
            <button type="button" disabled={working} onClick={() => void add({ id: transferId, all: true }, 'boxes')}>
              Add all boxes in office
            </button>
            <p className="hint">Every box still in the office that is not in a transfer yet.</p>
          </div>
          <form onSubmit={addRange} className="add-boxes-range">
            <label className="field">
              <span>From box label</span>
              <input value={from} onChange={(event) => setFrom(event.target.value)} required />
            </label>
            <label className="field">
              <span>To box label</span>
              <input value={to} onChange={(event) => setTo(event.target.value)} required />
            </label>
            <button type="submit" disabled={working || !from.trim() || !to.trim()}>
              Add range
            </button>
          </form>
        </div>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
