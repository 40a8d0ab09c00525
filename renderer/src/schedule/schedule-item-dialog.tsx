// Adds or edits one retention schedule item: its number and title, the retention as the schedule writes it
// (kept verbatim), the structured rule Transmittal counts with, the disposition and the legal citation.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ScheduleItemWithUse } from '../../../shared/api/contract';
import { dispositionActions, type DispositionAction, type ScheduleItem } from '../../../shared/domain/types';
import { describeRule } from '../../../shared/schedule/disposition';
import { dispositionLabels, ruleFromForm, ruleFromRetentionText, ruleToForm, sameRule } from '../../../shared/schedule/rule-form';
import { EditDialog } from '../ui/forms/edit-dialog';
import { FieldNotes, FormProblem, TextField, describedBy } from '../ui/forms/form-fields';
import { useDialogSave } from '../ui/forms/use-dialog-save';
import { RuleEditor } from './rule-editor';
import {
  firstProblemField,
  scheduleItemFields,
  scheduleItemFromForm,
  scheduleItemToForm,
  type ScheduleItemField,
  type ScheduleItemForm,
} from './schedule-item-form';

interface ScheduleItemDialogProps {
  /** The item to edit; absent to add one. */
  item?: ScheduleItemWithUse;
  onSaved: (item: ScheduleItem) => void;
  onClose: () => void;
}

const ID = 'schedule-item';
const fieldId = (field: ScheduleItemField) => `${ID}-${field}`;

export function ScheduleItemDialog({ item, onSaved, onClose }: ScheduleItemDialogProps) {
  const [form, setForm] = useState<ScheduleItemForm>(() => scheduleItemToForm(item));
  // While adding, the rule follows the retention text ("CY+10" fills in the rule) until the person edits the rule.
  const [ruleTouched, setRuleTouched] = useState(item !== undefined);
  const change = (changes: Partial<ScheduleItemForm>) => setForm((current) => ({ ...current, ...changes }));

  function changeRetentionText(retentionText: string) {
    const guess = ruleFromRetentionText(retentionText);
    change(!ruleTouched && guess ? { retentionText, rule: ruleToForm(guess) } : { retentionText });
  }

  const guess = ruleFromRetentionText(form.retentionText);
  const current = ruleFromForm(form.rule);
  const suggestion = ruleTouched && guess && !(current.ok && sameRule(guess, current.rule)) ? guess : null;

  const { errors, problem, saving, submit: save } = useDialogSave<ScheduleItemField, ScheduleItem>({
    fields: scheduleItemFields,
    focusTarget: (found) => {
      const first = firstProblemField(found);
      return first ? fieldId(first) : null;
    },
    onSaved,
  });

  const submit = (event: FormEvent) =>
    save(event, () => {
      const checked = scheduleItemFromForm(form);
      if (!checked.ok) {
        return { ok: false, errors: checked.errors, message: 'Some fields need attention before this item can be saved: see the messages below.' };
      }
      return { ok: true, write: () => (item ? api['schedule.update']({ id: item.id, item: checked.item }) : api['schedule.create'](checked.item)) };
    });

  const title = item ? `Edit ${item.itemNumber}` : 'Add schedule item';
  return (
    <EditDialog title={title} onClose={onClose}>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <FormProblem message={problem} />
        <TextField
          id={fieldId('itemNumber')}
          label="Item number"
          required
          value={form.itemNumber}
          error={errors.itemNumber}
          hint="As the schedule numbers it, e.g. GS 1010 or GRS 5.2 item 020."
          onChange={(itemNumber) => change({ itemNumber })}
        />
        <TextField
          id={fieldId('title')}
          label="Series title"
          required
          value={form.title}
          error={errors.title}
          onChange={(title) => change({ title })}
        />
        <TextField
          id={fieldId('retentionText')}
          label="Retention as written"
          value={form.retentionText}
          error={errors.retentionText}
          hint="Copied word for word from the schedule, e.g. CY+10 or 3 years after case closed. Printed on manifests as is."
          onChange={changeRetentionText}
        />
        {suggestion ? (
          <p className="rule-suggestion">
            This reads as {describeRule(suggestion)}.{' '}
            <button type="button" onClick={() => change({ rule: ruleToForm(suggestion) })}>
              Use {describeRule(suggestion)} as the rule
            </button>
          </p>
        ) : null}
        <RuleEditor
          idPrefix={ID}
          rule={form.rule}
          errors={errors}
          onChange={(rule) => {
            setRuleTouched(true);
            change({ rule });
          }}
        />
        <div className="form-field">
          <label htmlFor={fieldId('disposition')} className="field-label">
            Disposition
          </label>
          <select
            id={fieldId('disposition')}
            className="field-input"
            value={form.disposition}
            aria-describedby={describedBy(fieldId('disposition'), true, errors.disposition)}
            onChange={(event) => change({ disposition: event.target.value as DispositionAction })}
          >
            {dispositionActions.map((action) => (
              <option key={action} value={action}>
                {dispositionLabels[action]}
              </option>
            ))}
          </select>
          <FieldNotes
            id={fieldId('disposition')}
            hint="What happens when retention ends. Nothing is destroyed without your office's approval."
            error={errors.disposition}
          />
        </div>
        <TextField
          id={fieldId('citation')}
          label="Citation"
          value={form.citation}
          error={errors.citation}
          hint="The legal authority for the rule, e.g. the statute or the schedule's approval number."
          onChange={(citation) => change({ citation })}
        />
        <TextField
          id={fieldId('description')}
          label="Description"
          multiline
          value={form.description}
          error={errors.description}
          hint="What records the series holds, so staff file folders under the right item."
          onChange={(description) => change({ description })}
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
