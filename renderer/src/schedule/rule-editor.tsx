// The structured retention rule: kind, period, what it counts from. Transmittal works out every folder's
// disposition date from this, so it shows how the rule reads as the person types.
import { describeRule } from '../../../shared/schedule/disposition';
import {
  ruleFromForm,
  ruleKindLabels,
  triggerLabels,
  type RetentionTrigger,
  type RuleForm,
  type RuleFormField,
  type RuleKind,
} from '../../../shared/schedule/rule-form';
import type { FieldErrors } from '../ui/forms/field-errors';
import { TextField } from '../ui/forms/form-fields';

interface RuleEditorProps {
  /** Prefix of the input ids: `${idPrefix}-years`... so a problem can move the focus to its field. */
  idPrefix: string;
  rule: RuleForm;
  errors: FieldErrors<RuleFormField>;
  onChange: (rule: RuleForm) => void;
}

const kinds = Object.keys(ruleKindLabels) as RuleKind[];
const triggers = Object.keys(triggerLabels) as RetentionTrigger[];

export function RuleEditor({ idPrefix, rule, errors, onChange }: RuleEditorProps) {
  const change = (changes: Partial<RuleForm>) => onChange({ ...rule, ...changes });
  const parsed = ruleFromForm(rule);

  return (
    <fieldset className="form-fieldset">
      <legend>Retention rule</legend>
      <p className="field-hint">
        How long the records are kept, in a form Transmittal can count with: every folder filed under this item gets
        its disposition date from it.
      </p>

      <fieldset className="form-fieldset rule-kinds">
        <legend>Kind of rule</legend>
        {kinds.map((kind) => (
          <label key={kind} className="form-choice">
            <input
              type="radio"
              name={`${idPrefix}-kind`}
              value={kind}
              checked={rule.kind === kind}
              onChange={() => change({ kind })}
            />
            {ruleKindLabels[kind]}
          </label>
        ))}
      </fieldset>

      {rule.kind === 'period' ? (
        <>
          <div className="form-row">
            <TextField
              id={`${idPrefix}-years`}
              label="Years"
              size="short"
              inputMode="numeric"
              value={rule.years}
              error={errors.years}
              required
              onChange={(years) => change({ years })}
            />
            <TextField
              id={`${idPrefix}-months`}
              label="Months"
              size="short"
              inputMode="numeric"
              value={rule.months}
              error={errors.months}
              onChange={(months) => change({ months })}
            />
          </div>
          <div className="form-field">
            <label htmlFor={`${idPrefix}-trigger`} className="field-label">
              Counted from
            </label>
            <select
              id={`${idPrefix}-trigger`}
              className="field-input"
              value={rule.trigger}
              aria-describedby={`${idPrefix}-trigger-hint`}
              onChange={(event) => change({ trigger: event.target.value as RetentionTrigger })}
            >
              {triggers.map((trigger) => (
                <option key={trigger} value={trigger}>
                  {triggerLabels[trigger]}
                </option>
              ))}
            </select>
            <p id={`${idPrefix}-trigger-hint`} className="field-hint">
              {rule.trigger === 'fiscal-year'
                ? 'Uses the fiscal year start month set in Settings.'
                : rule.trigger === 'event'
                  ? 'Each folder records the date of its event; until then it waits, and nothing is scheduled.'
                  : 'The period starts on January 1 after the folder closes.'}
            </p>
          </div>
          {rule.trigger === 'event' ? (
            <TextField
              id={`${idPrefix}-eventName`}
              label="Event"
              value={rule.eventName}
              error={errors.eventName}
              required
              hint="In the schedule's words, e.g. case closed, employee separated, contract expired."
              onChange={(eventName) => change({ eventName })}
            />
          ) : null}
        </>
      ) : null}

      {rule.kind === 'until-superseded' ? (
        <TextField
          id={`${idPrefix}-yearsAfter`}
          label="Years kept after superseded"
          size="short"
          inputMode="numeric"
          value={rule.yearsAfter}
          error={errors.yearsAfter}
          hint="0 when the records go as soon as a newer version replaces them."
          onChange={(yearsAfter) => change({ yearsAfter })}
        />
      ) : null}

      <p className="rule-reads-as">
        Reads as: <strong>{parsed.ok ? describeRule(parsed.rule) : 'not complete yet'}</strong>
      </p>
    </fieldset>
  );
}
