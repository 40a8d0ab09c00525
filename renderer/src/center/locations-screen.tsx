// The center's shelves: positions set up in bulk (a building's rows, bays and shelves, so many positions a shelf),
// or imported from a spreadsheet listing them, with what is free and what is full. A position holds one box.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { AddLocationsInput } from '../../../shared/api/contract-center';
import { api } from '../api/client';
import { sendFile } from '../api/files';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { formatCount } from '../ui/format';

function range(text: string): { from: number; to: number } | null {
  const match = /^\s*(\d{1,4})\s*(?:[-–]\s*(\d{1,4}))?\s*$/.exec(text);
  if (!match) return null;
  const from = Number(match[1]);
  return { from, to: match[2] === undefined ? from : Number(match[2]) };
}

export function LocationsScreen() {
  const [freeOnly, setFreeOnly] = useState(false);
  const list = useQuery(() => api['center.locations']({ freeOnly, offset: 0, limit: 200 }), [freeOnly]);
  const [form, setForm] = useState({ building: 'A', room: '', rows: '1-2', bays: '1-3', shelves: '1-5', positions: '4', capacity: '1.2' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const rows = range(form.rows);
    const bays = range(form.bays);
    const shelves = range(form.shelves);
    if (!rows || !bays || !shelves) {
      setError(new Error('Write the rows, bays and shelves as a number or a range, e.g. 1-4'));
      return;
    }
    try {
      const added = await api['center.addLocations']({
        building: form.building, room: form.room, rows, bays, shelves,
        positionsPerShelf: Number(form.positions), capacityCubicFeet: Number(form.capacity),
      } as AddLocationsInput);
      setDone(`Added ${formatCount(added.added)} positions${added.alreadyThere ? `; ${formatCount(added.alreadyThere)} were there already and are kept` : ''}.`);
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  const [importError, setImportError] = useState<unknown>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImporting(true);
    setImportError(null);
    setImported(null);
    try {
      const added = await api['center.importLocations']({ file: await sendFile(file) });
      setImported(`Added ${formatCount(added.added)} positions from ${file.name}${added.alreadyThere ? `; ${formatCount(added.alreadyThere)} were there already and are kept` : ''}.`);
      list.reload();
    } catch (failure) {
      setImportError(failure);
    } finally {
      setImporting(false);
      // The same file can be chosen again once it is fixed.
      input.value = '';
    }
  }

  const field = (key: keyof typeof form, label: string, hint?: string) => (
    <label className="field">
      <span>{label}</span>
      <input value={form[key]} onChange={(event) => setForm({ ...form, [key]: event.target.value })} aria-description={hint} />
    </label>
  );

  const totals = list.value?.totals;
  return (
    <section className="screen stack" aria-labelledby="locations-heading">
      <h1 id="locations-heading" tabIndex={-1}>
        Locations
      </h1>
      {totals && (
        <p role="status">
          {formatCount(totals.positions)} positions: {formatCount(totals.used)} full, {formatCount(totals.free)} free
          {totals.capacityCubicFeet > 0 ? ` (${totals.usedCubicFeet.toFixed(1)} of ${totals.capacityCubicFeet.toFixed(1)} cubic feet used)` : ''}.
        </p>
      )}
      <form onSubmit={(event) => void add(event)} className="stack" aria-label="Add shelf positions">
        <h2>Add shelf positions</h2>
        <div className="inline-form">
          {field('building', 'Building')}
          {field('room', 'Room (optional)')}
          {field('rows', 'Rows', 'a number or a range, e.g. 1-4')}
          {field('bays', 'Bays')}
          {field('shelves', 'Shelves')}
          {field('positions', 'Positions a shelf')}
          {field('capacity', 'Cubic feet a position')}
        </div>
        <div>
          <button type="submit" className="button-primary">
            Add positions
          </button>
        </div>
        {done && <p role="status">{done}</p>}
        <ErrorMessage error={error} />
      </form>
      <div className="stack" role="group" aria-labelledby="import-locations-heading">
        <h2 id="import-locations-heading">From a spreadsheet</h2>
        <p className="hint">One position a row, under the headings Building, Room (if any), Row, Bay, Shelf, Position and Capacity (cubic feet). A bad row adds nothing.</p>
        <label className="field">
          <span>Import positions from a spreadsheet (.xlsx, .ods or .csv)</span>
          <input type="file" accept=".xlsx,.xls,.ods,.csv" disabled={importing} onChange={(event) => void importFile(event)} />
        </label>
        {importing && <p role="status">Importing…</p>}
        {imported && <p role="status">{imported}</p>}
        <ErrorMessage error={importError} />
      </div>
      <label className="form-choice">
        <input type="checkbox" checked={freeOnly} onChange={(event) => setFreeOnly(event.target.checked)} /> Free positions only
      </label>
      <ErrorMessage error={list.error} />
      {list.value && list.value.rows.length === 0 && <p className="hint">No positions yet: add a building’s rows, bays and shelves above.</p>}
      {list.value && list.value.rows.length > 0 && (
        <table className="plain-table" aria-label="Shelf positions">
          <thead>
            <tr>
              <th scope="col">Position</th>
              <th scope="col">Holds</th>
            </tr>
          </thead>
          <tbody>
            {list.value.rows.map((location) => (
              <tr key={location.id}>
                <td>{location.words}</td>
                <td>
                  {location.box
                    ? `Box ${location.box.centerBoxNumber ?? '—'} (${location.box.label}, accession ${location.box.accessionNumber})`
                    : `Free (${location.capacityCubicFeet} cubic feet)`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.value && list.value.total > list.value.rows.length && <p className="hint">The first {list.value.rows.length} of {formatCount(list.value.total)} shown.</p>}
    </section>
  );
}
