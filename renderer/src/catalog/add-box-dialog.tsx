// Adding a box: the label the office writes on it comes first; size, place and notes can wait.
import { useState } from 'react';
import type { Box } from '../../../shared/domain/types';
import { api } from '../api/client';
import { ErrorMessage } from '../ui/error-message';
import { Modal } from '../ui/modal';

export function AddBoxDialog({ onCreated, onCancel }: { onCreated: (box: Box) => void; onCancel: () => void }) {
  const [label, setLabel] = useState('');
  const [cubicFeet, setCubicFeet] = useState('1.2');
  const [officeLocation, setOfficeLocation] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      const box = await api['boxes.create']({ label, cubicFeet: Number(cubicFeet), officeLocation, notes });
      onCreated(box);
    } catch (failure) {
      setError(failure);
      setWorking(false);
    }
  };

  return (
    <Modal title="Add a box" onCancel={onCancel}>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>Box label</span>
          <input autoFocus value={label} onChange={(event) => setLabel(event.target.value)} required aria-describedby="box-label-hint" />
          <span id="box-label-hint" className="hint">
            As written on the box, e.g. “Permits 2019 #3”.
          </span>
        </label>
        <label className="field">
          <span>Cubic feet</span>
          <input type="number" min="0.1" max="50" step="0.1" value={cubicFeet} onChange={(event) => setCubicFeet(event.target.value)} />
        </label>
        <label className="field">
          <span>Office location</span>
          <input value={officeLocation} onChange={(event) => setOfficeLocation(event.target.value)} placeholder="e.g. Room 204, shelf B" />
        </label>
        <label className="field">
          <span>Notes</span>
          <textarea rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
        </label>
        <ErrorMessage error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={working}>
            Create box
          </button>
        </div>
      </form>
    </Modal>
  );
}
