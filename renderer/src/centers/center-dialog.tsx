// Adds or edits a records center profile. Each fact says why it is asked: most of them are printed on the
// receipt, where they answer a department's fears before anyone has to ask.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { deliveryOptions, type RecordsCenter } from '../../../shared/domain/types';
import { EditDialog } from '../settings/edit-dialog';
import { fieldOfError, messageOfError, type FieldErrors } from '../settings/field-errors';
import { FieldNotes, FormProblem, TextField } from '../settings/form-fields';
import {
  centerFields,
  centerFromForm,
  centerToForm,
  deliveryOptionLabels,
  firstCenterProblem,
  toggleDeliveryOption,
  type CenterField,
  type CenterForm,
} from './center-form';

interface CenterDialogProps {
  /** The center to edit; absent to add one. */
  center?: RecordsCenter;
  onSaved: (center: RecordsCenter) => void;
  onClose: () => void;
}

const fieldId = (field: CenterField) => `center-${field}`;

export function CenterDialog({ center, onSaved, onClose }: CenterDialogProps) {
  const [form, setForm] = useState<CenterForm>(() => centerToForm(center));
  const [errors, setErrors] = useState<FieldErrors<CenterField>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (changes: Partial<CenterForm>) => setForm((current) => ({ ...current, ...changes }));

  function showProblems(found: FieldErrors<CenterField>, message: string) {
    setErrors(found);
    setProblem(message);
    const first = firstCenterProblem(found);
    const target = first === 'deliveryOptions' ? `${fieldId(first)}-${deliveryOptions[0]}` : first && fieldId(first);
    if (target) document.getElementById(target)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const checked = centerFromForm(form);
    if (!checked.ok) {
      showProblems(checked.errors, 'Some fields need attention before this records center can be saved: see the messages below.');
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const saved = center
        ? await api['centers.update']({ id: center.id, center: checked.center })
        : await api['centers.create'](checked.center);
      onSaved(saved);
    } catch (error) {
      const field = fieldOfError(error, centerFields);
      showProblems(field ? { [field]: messageOfError(error) } : {}, messageOfError(error));
      setSaving(false);
    }
  }

  const text = (field: Exclude<CenterField, 'deliveryOptions'>) => ({
    id: fieldId(field),
    value: form[field],
    error: errors[field],
    onChange: (value: string) => change({ [field]: value }),
  });

  return (
    <EditDialog title={center ? `Edit ${center.name}` : 'Add records center'} onClose={onClose}>
      <form noValidate aria-busy={saving} onSubmit={(event) => void submit(event)}>
        <FormProblem message={problem} />
        <TextField {...text('name')} label="Name" required hint="As it should appear on receipts and manifests." />
        <TextField
          {...text('address')}
          label="Address"
          multiline
          hint="Printed on every receipt so staff know where their records actually go."
        />
        <fieldset className="form-fieldset">
          <legend>Contact</legend>
          <p className="field-hint">Whom staff call to ask for records back or to answer a disposition notice.</p>
          <TextField {...text('contactName')} label="Contact name" />
          <TextField {...text('contactPhone')} label="Contact phone" type="tel" />
          <TextField {...text('contactEmail')} label="Contact email" type="email" />
        </fieldset>
        <TextField
          {...text('retrievalInstructions')}
          label="Retrieval instructions"
          multiline
          rows={5}
          hint="Printed on every receipt so staff know how to get their records back: whom to ask and what to quote (transfer, box and folder numbers)."
        />
        <TextField
          {...text('turnaround')}
          label="Turnaround"
          hint="In the center's own words, e.g. Same afternoon if asked by 10 am. Printed on receipts so nobody has to guess how long a retrieval takes."
        />
        <TextField
          {...text('turnaroundWorkingDays')}
          label="Turnaround in working days"
          size="short"
          inputMode="numeric"
          required
          hint="Lets Transmittal tell staff the day a requested box should arrive."
        />
        <fieldset
          className="form-fieldset"
          aria-describedby={errors.deliveryOptions ? `${fieldId('deliveryOptions')}-hint ${fieldId('deliveryOptions')}-error` : `${fieldId('deliveryOptions')}-hint`}
        >
          <legend>How records come back</legend>
          {deliveryOptions.map((option) => (
            <label key={option} className="form-choice">
              <input
                id={`${fieldId('deliveryOptions')}-${option}`}
                type="checkbox"
                checked={form.deliveryOptions.includes(option)}
                onChange={(event) => change({ deliveryOptions: toggleDeliveryOption(form.deliveryOptions, option, event.target.checked) })}
              />
              {deliveryOptionLabels[option]}
            </label>
          ))}
          <FieldNotes
            id={fieldId('deliveryOptions')}
            hint="Shown on receipts so staff know their choices before they ask."
            error={errors.deliveryOptions}
          />
        </fieldset>
        <TextField
          {...text('dispositionNoticeDays')}
          label="Disposition notice in days"
          size="short"
          inputMode="numeric"
          required
          hint="How long before anything is destroyed the center asks for your approval (90 days is usual). Nothing is destroyed without it."
        />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </EditDialog>
  );
}
