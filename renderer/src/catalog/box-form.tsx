// A box's own fields. Saved together with one button, so a half-typed label is never stored.
import { useEffect, useState } from 'react';
import type { Box, BoxInput } from '../../../shared/domain/types';
import { api } from '../api/client';
import { ErrorMessage } from '../ui/error-message';
import { boxStatusLabels } from '../ui/format';

type BoxFields = { label: string; cubicFeet: string; officeLocation: string; notes: string };

const fieldsOf = (box: Box): BoxFields => ({
  label: box.label,
  cubicFeet: String(box.cubicFeet),
  officeLocation: box.officeLocation,
  notes: box.notes,
});

export function BoxForm({ box, onSaved }: { box: Box; onSaved: (box: Box) => void }) {
  const [fields, setFields] = useState<BoxFields>(() => fieldsOf(box));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState(false);

  useEffect(() => setFields(fieldsOf(box)), [box]);

  const original = fieldsOf(box);
  const changes: Partial<BoxInput> = {};
  if (fields.label !== original.label) changes.label = fields.label;
  if (fields.cubicFeet !== original.cubicFeet) changes.cubicFeet = Number(fields.cubicFeet);
  if (fields.officeLocation !== original.officeLocation) changes.officeLocation = fields.officeLocation;
  if (fields.notes !== original.notes) changes.notes = fields.notes;
  const changed = Object.keys(changes).length > 0;

  const set = <K extends keyof BoxFields>(key: K, value: BoxFields[K]) => {
    setSavedNote(false);
    setFields((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await api['boxes.update']({ id: box.id, changes });
      onSaved(saved);
      setSavedNote(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="box-form" onSubmit={submit} aria-label="Box details">
      <div className="box-form-fields">
        <label className="field">
          <span>Box label</span>
          <input value={fields.label} onChange={(event) => set('label', event.target.value)} required />
        </label>
        <label className="field field-narrow">
          <span>Cubic feet</span>
          <input type="number" min="0.1" max="50" step="0.1" value={fields.cubicFeet} onChange={(event) => set('cubicFeet', event.target.value)} />
        </label>
        <label className="field">
          <span>Office location</span>
          <input value={fields.officeLocation} onChange={(event) => set('officeLocation', event.target.value)} />
        </label>
        <div className="field">
          <span id={`box-${box.id}-where`}>Where it is</span>
          {/* Not a choice: it follows from the box's transfers (and, later, the center's check-in and loans). */}
          <output aria-labelledby={`box-${box.id}-where`} className="field-value">
            {boxStatusLabels[box.status]}
          </output>
        </div>
        <label className="field field-wide">
          <span>Notes</span>
          <textarea rows={2} value={fields.notes} onChange={(event) => set('notes', event.target.value)} />
        </label>
      </div>
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!changed || saving}>
          {saving ? 'Saving…' : 'Save box'}
        </button>
        {changed && (
          <button type="button" onClick={() => setFields(fieldsOf(box))}>
            Discard changes
          </button>
        )}
        {savedNote && !changed && (
          <span role="status" className="muted">
            Box saved.
          </span>
        )}
      </div>
    </form>
  );
}
