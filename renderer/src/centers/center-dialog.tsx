// Adds or edits a records center profile. Each fact says why it is asked: most of them are printed on the
// receipt, where they answer a department's fears before anyone has to ask.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { deliveryOptions, type RecordsCenter } from '../../../shared/domain/types';
import { EditDialog } from '../ui/forms/edit-dialog';
import { FieldNotes, FormProblem, TextField } from '../ui/forms/form-fields';
import { useDialogSave } from '../ui/forms/use-dialog-save';
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
  const change = (changes: Partial<CenterForm>) => setForm((current) => ({ ...current, ...changes }));

  const { errors, problem, saving, submit: save } = useDialogSave<CenterField, RecordsCenter>({
    fields: centerFields,
    focusTarget: (found) => {
      const first = firstCenterProblem(found);
      return first === 'deliveryOptions' ? `${fieldId(first)}-${deliveryOptions[0]}` : first && fieldId(first);
    },
    onSaved,
  });

  const submit = (event: FormEvent) =>
    save(event, () => {
      const checked = centerFromForm(form);
      if (!checked.ok) {
        return { ok: false, errors: checked.errors, message: 'Some fields need attention before this records center can be saved: see the messages below.' };
      }
      return {
        ok: true,
        write: () => (center ? api['centers.update']({ id: center.id, center: checked.center }) : api['centers.create'](checked.center)),
      };
    });

  const text = (field: Exclude<CenterField, 'deliveryOptions' | 'acceptsMixedBoxes'>) => ({
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
          hint="As the center states it; lets Transmittal tell staff the day a requested box should arrive."
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
          hint="As the center states it: how long before anything is destroyed it asks for your approval. Nothing is destroyed without it. Leave it empty until the center has said."
        />
        <TextField
          {...text('lossPolicy')}
          label="If a box is lost or damaged"
          multiline
          hint="The center’s own policy, as it states it (what it does, and what it covers). Printed on the receipt."
        />
        <label className="field field-checkbox">
          <input type="checkbox" checked={form.acceptsMixedBoxes} onChange={(event) => change({ acceptsMixedBoxes: event.target.checked })} />
          <span>Accepts boxes that mix series with different dates (kept until the box’s latest date)</span>
        </label>
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
