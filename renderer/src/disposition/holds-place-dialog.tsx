// Placing a legal hold: its name, the matter, who asked, and what it covers (schedule items — chosen from the
// department's schedule, typed at a center — a date range, words in folder titles, whole boxes and single folders —
// found by box, or handed in by the box page that opened it), with a live preview of what that covers before anything
// is held.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { HoldDetail, HoldPreview } from '../../../shared/api/contract-disposition';
import type { Role } from '../../../shared/api/contract-kit';
import type { HoldScope } from '../../../shared/exchange/disposition';
import { api } from '../api/client';
import { useDebounced, useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { Modal } from '../ui/modal';
import { HoldRecordsPicker, useHoldRecords, type PresetRecords } from './hold-records-picker';

const PREVIEW_DEBOUNCE_MS = 250;

/** "3 boxes, 12 folders", or that it covers nothing. */
export function coversWords(counts: { boxes: number; folders: number }): string {
  if (counts.boxes === 0 && counts.folders === 0) return 'nothing yet';
  return [counts.boxes ? plural(counts.boxes, 'box', 'boxes') : '', counts.folders ? plural(counts.folders, 'folder', 'folders') : ''].filter(Boolean).join(', ');
}

/** One covered item in the department's words: "Folder 2 “Elm Street permits” in box PW-1", "Box PW-3 (whole box)". */
export function coveredWords(item: HoldDetail['covers'][number]): string {
  if (item.folderId === null) return `Box ${item.boxLabel} (whole box)`;
  const position = item.folderPosition === null ? '' : `${item.folderPosition} `;
  return `Folder ${position}“${item.title ?? ''}” in box ${item.boxLabel}`;
}

/** Schedule item numbers typed as "GS 1010, GS 1020" (or one a line). */
export function typedItemNumbers(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((each) => each.trim()).filter(Boolean))];
}

function scopeIsEmpty(scope: HoldScope): boolean {
  return scope.itemNumbers.length === 0 && !scope.dateFrom && !scope.dateTo && scope.boxIds.length === 0 && scope.folderIds.length === 0 && !scope.words;
}

interface PlaceHoldDialogProps {
  role: Role;
  /** Boxes or folders the opening screen already chose (a box page's "Place a legal hold…"), in this role's ids. */
  initial?: PresetRecords;
  onClose: () => void;
  onPlaced: (hold: HoldDetail) => void;
}

export function PlaceHoldDialog({ role, initial, onClose, onPlaced }: PlaceHoldDialogProps) {
  const [name, setName] = useState('');
  const [matter, setMatter] = useState('');
  const [requestedBy, setRequestedBy] = useState('');
  const [chosenItems, setChosenItems] = useState<string[]>([]);
  const [typedItems, setTypedItems] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [words, setWords] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [placing, setPlacing] = useState(false);
  // The schedule is the department's: a center types the item numbers it holds.
  const schedule = useQuery(() => (role === 'department' ? api['schedule.list']({}) : Promise.resolve([])), [role]);
  const records = useHoldRecords(role, initial);

  const scope = useMemo<HoldScope>(
    () => ({
      itemNumbers: role === 'department' ? chosenItems : typedItemNumbers(typedItems),
      dateFrom: dateFrom || null,
      dateTo: dateTo || null,
      boxIds: records.boxIds,
      folderIds: records.folderIds,
      words: words.trim(),
    }),
    [role, chosenItems, typedItems, dateFrom, dateTo, words, records.boxIds, records.folderIds],
  );
  const settledScope = useDebounced(scope, PREVIEW_DEBOUNCE_MS);
  const empty = scopeIsEmpty(settledScope);
  const [preview, setPreview] = useState<HoldPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  useEffect(() => {
    if (empty) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    let current = true;
    api['holds.preview']({ scope: settledScope }).then(
      (answer) => {
        if (!current) return;
        setPreview(answer);
        setPreviewError(null);
      },
      (failure: unknown) => {
        if (current) setPreviewError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [settledScope, empty]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPlacing(true);
    setError(null);
    try {
      const hold = await api['holds.create']({ name: name.trim(), matter: matter.trim(), requestedBy: requestedBy.trim(), scope });
      onPlaced(hold);
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setPlacing(false);
    }
  };

  const toggleItem = (itemNumber: string, on: boolean) =>
    setChosenItems((items) => (on ? [...items, itemNumber] : items.filter((each) => each !== itemNumber)));

  const boxesAndFolders = <HoldRecordsPicker role={role} records={records} />;

  return (
    <Modal title="Place a legal hold" onCancel={onClose}>
      <form
        className="stack place-hold-form"
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          // A browser submits the form on Enter in a checkbox, which would place the hold half-chosen: only the button places it.
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'checkbox') event.preventDefault();
        }}
      >
        <label className="field">
          <span>Name of the hold</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} placeholder="e.g. Elm Street flooding claim" required />
        </label>
        <label className="field">
          <span>Matter (the lawsuit, audit or request it is for)</span>
          <input value={matter} onChange={(event) => setMatter(event.target.value)} maxLength={400} />
        </label>
        <label className="field">
          <span>Who asked for it</span>
          <input value={requestedBy} onChange={(event) => setRequestedBy(event.target.value)} maxLength={200} placeholder="e.g. City Attorney’s Office" />
        </label>
        <fieldset className="plain-fieldset">
          <legend>What it covers (a folder is covered when it matches any of these)</legend>
          {/* Opened from a box, the box comes first: choosing among its folders is what the person came for. */}
          {initial && boxesAndFolders}
          {role === 'department' ? (
            <fieldset className="plain-fieldset hold-items">
              <legend className="field-legend">Schedule items</legend>
              {(schedule.value ?? []).length === 0 ? (
                <p className="hint">{schedule.value ? 'Your schedule has no items yet.' : 'Loading the schedule…'}</p>
              ) : (
                schedule.value!.map((item) => (
                  <label key={item.id} className="radio-line">
                    <input type="checkbox" checked={chosenItems.includes(item.itemNumber)} onChange={(event) => toggleItem(item.itemNumber, event.target.checked)} />{' '}
                    {item.itemNumber} — {item.title}
                  </label>
                ))
              )}
            </fieldset>
          ) : (
            <label className="field">
              <span>Schedule item numbers, separated by commas</span>
              <input value={typedItems} onChange={(event) => setTypedItems(event.target.value)} maxLength={2000} placeholder="e.g. GS 1010, GS 1020" />
            </label>
          )}
          <div className="hold-dates">
            <label className="field">
              <span>Records dated from</span>
              <input type="date" value={dateFrom} onChange={(event) => setDateFrom(event.target.value)} />
            </label>
            <label className="field">
              <span>Records dated to</span>
              <input type="date" value={dateTo} onChange={(event) => setDateTo(event.target.value)} />
            </label>
          </div>
          <label className="field">
            <span>Words in folder titles</span>
            <input value={words} onChange={(event) => setWords(event.target.value)} maxLength={200} placeholder="e.g. Elm Street" />
          </label>
          {!initial && boxesAndFolders}
        </fieldset>
        <div className="hold-preview" aria-live="polite" data-hold-preview>
          {empty ? (
            <p className="hint">Choose what the hold covers: what it would hold shows here before you place it.</p>
          ) : previewError ? (
            <ErrorMessage error={previewError} />
          ) : !preview ? (
            <p className="muted">Looking up what it covers…</p>
          ) : (
            <>
              <p>
                <strong>Covers {coversWords(preview)}</strong>
              </p>
              {preview.sample.length > 0 && (
                <ul aria-label="It would hold" className="request-items">
                  {preview.sample.map((item) => (
                    <li key={`${item.boxId}:${item.folderId ?? ''}`}>{coveredWords(item)}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
        <ErrorMessage error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={placing || !name.trim() || scopeIsEmpty(scope)}>
            Place the hold
          </button>
        </div>
      </form>
    </Modal>
  );
}
