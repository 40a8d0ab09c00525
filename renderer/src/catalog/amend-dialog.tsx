// Correcting a sent box or folder: what was signed stays as sent, so a correction is an amendment with a reason,
// listed on the transfer and written for the center. One field at a time, in plain words.
import { useState, type FormEvent } from 'react';
import type { Box, Folder } from '../../../shared/domain/types';
import { api } from '../api/client';
import { ErrorMessage } from '../ui/error-message';
import { Modal } from '../ui/modal';

type Target = { kind: 'box' } | { kind: 'folder'; folder: Folder };

const BOX_FIELDS = { label: 'Box label', cubicFeet: 'Box size (cubic feet)', notes: 'Box notes' } as const;
const FOLDER_FIELDS = { title: 'Folder title', fileCode: 'File code', beginDate: 'Begin date', endDate: 'End date', confidential: 'Confidential', notes: 'Folder notes' } as const;
type BoxField = keyof typeof BOX_FIELDS;
type FolderField = keyof typeof FOLDER_FIELDS;

/** A sent box can be amended; a box recorded at the center before the catalog was kept has nothing signed here. */
export function canAmend(box: Box): boolean {
  return box.lockedReason?.startsWith('sent ') ?? false;
}

function currentValue(box: Box, target: Target, field: string): string {
  const value = target.kind === 'box' ? (box as unknown as Record<string, unknown>)[field] : (target.folder as unknown as Record<string, unknown>)[field];
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value === null || value === undefined ? '' : String(value);
}

export function AmendDialog({ box, folders, onClose, onAmended }: { box: Box; folders: Folder[]; onClose: () => void; onAmended: (message: string) => void }) {
  const [targetKey, setTargetKey] = useState('box');
  const [field, setField] = useState<string>('label');
  const [value, setValue] = useState(box.label);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const target: Target = targetKey === 'box' ? { kind: 'box' } : { kind: 'folder', folder: folders.find((each) => String(each.id) === targetKey)! };
  const fields: Record<string, string> = target.kind === 'box' ? BOX_FIELDS : FOLDER_FIELDS;

  const chooseTarget = (key: string) => {
    setTargetKey(key);
    const next: Target = key === 'box' ? { kind: 'box' } : { kind: 'folder', folder: folders.find((each) => String(each.id) === key)! };
    const firstField = next.kind === 'box' ? 'label' : 'title';
    setField(firstField);
    setValue(currentValue(box, next, firstField));
  };
  const chooseField = (next: string) => {
    setField(next);
    setValue(currentValue(box, target, next));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const typed: string | number | boolean = field === 'cubicFeet' ? Number(value) : field === 'confidential' ? value === 'yes' : value;
    try {
      const made =
        target.kind === 'box'
          ? await api['transfers.amend']({ target: { boxId: box.id }, changes: { [field as BoxField]: typed }, reason })
          : await api['transfers.amend']({ target: { folderId: target.folder.id }, changes: { [field as FolderField]: typed }, reason });
      onAmended(`Corrected after sending: ${fields[field].toLowerCase()} of ${target.kind === 'box' ? `box ${box.label}` : `“${target.folder.title}”`} (${made.amendments.length === 1 ? 'one amendment' : `${made.amendments.length} amendments`} recorded on transfer ${made.transferNumber}).`);
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  };

  return (
    <Modal title={`Correct box ${box.label} after sending`} onCancel={onClose}>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <p className="hint">
          What was signed stays exactly as sent. The correction is recorded as an amendment with your reason, listed on the
          transfer, and written for the records center. You can undo it right after.
        </p>
        <label className="field">
          <span>What to correct</span>
          <select value={targetKey} onChange={(event) => chooseTarget(event.target.value)}>
            <option value="box">The box itself</option>
            {folders.map((folder) => (
              <option key={folder.id} value={String(folder.id)}>
                Folder {folder.position}: {folder.title.slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Field</span>
          <select value={field} onChange={(event) => chooseField(event.target.value)}>
            {Object.entries(fields).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">As sent now: {currentValue(box, target, field) || '(empty)'}</p>
        {field === 'confidential' ? (
          <label className="field">
            <span>Corrected value</span>
            <select value={value} onChange={(event) => setValue(event.target.value)}>
              <option value="yes">Confidential</option>
              <option value="no">Not confidential</option>
            </select>
          </label>
        ) : (
          <label className="field">
            <span>Corrected value</span>
            <input value={value} onChange={(event) => setValue(event.target.value)} inputMode={field === 'cubicFeet' ? 'decimal' : undefined} />
          </label>
        )}
        <label className="field">
          <span>Why it is corrected</span>
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} required placeholder="e.g. The folder label inside the box says 1 of 2" />
        </label>
        <ErrorMessage error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={saving}>
            Record the correction
          </button>
        </div>
      </form>
    </Modal>
  );
}
