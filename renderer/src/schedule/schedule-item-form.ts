// A schedule item as its form holds it, and the checks that turn the form into what schedule.create/update take.
import {
  scheduleItemInputSchema,
  type DispositionAction,
  type ScheduleItem,
  type ScheduleItemInput,
} from '../../../shared/domain/types';
import { emptyRuleForm, ruleFromForm, ruleToForm, type RuleForm, type RuleFormField } from '../../../shared/schedule/rule-form';
import { fieldErrorsFromIssues, type FieldErrors } from '../ui/forms/field-errors';

export interface ScheduleItemForm {
  itemNumber: string;
  title: string;
  retentionText: string;
  disposition: DispositionAction;
  citation: string;
  description: string;
  rule: RuleForm;
}

export type ScheduleItemField = 'itemNumber' | 'title' | 'retentionText' | 'disposition' | 'citation' | 'description' | RuleFormField;

/** In the order they appear on screen, so the first one with a problem gets the focus. */
export const scheduleItemFields: readonly ScheduleItemField[] = [
  'itemNumber',
  'title',
  'retentionText',
  'years',
  'months',
  'eventName',
  'yearsAfter',
  'disposition',
  'citation',
  'description',
];

export type ScheduleItemFormResult =
  | { ok: true; item: ScheduleItemInput }
  | { ok: false; errors: FieldErrors<ScheduleItemField> };

export function scheduleItemToForm(item?: ScheduleItem): ScheduleItemForm {
  if (!item) {
    return { itemNumber: '', title: '', retentionText: '', disposition: 'destroy', citation: '', description: '', rule: emptyRuleForm };
  }
  return {
    itemNumber: item.itemNumber,
    title: item.title,
    retentionText: item.retentionText,
    disposition: item.disposition,
    citation: item.citation,
    description: item.description,
    rule: ruleToForm(item.rule),
  };
}

export function scheduleItemFromForm(form: ScheduleItemForm): ScheduleItemFormResult {
  const rule = ruleFromForm(form.rule);
  const parsed = scheduleItemInputSchema.safeParse({
    itemNumber: form.itemNumber,
    title: form.title,
    description: form.description,
    // A placeholder rule lets the other fields be checked in the same pass when the rule itself has problems.
    rule: rule.ok ? rule.rule : { kind: 'permanent' },
    retentionText: form.retentionText,
    disposition: form.disposition,
    citation: form.citation,
  });
  const errors: FieldErrors<ScheduleItemField> = {
    ...(parsed.success ? {} : (fieldErrorsFromIssues(parsed.error.issues) as FieldErrors<ScheduleItemField>)),
    ...(rule.ok ? {} : rule.errors),
  };
  if (!parsed.success || !rule.ok) return { ok: false, errors };
  return { ok: true, item: parsed.data };
}

/** The first field, in screen order, that has a problem. */
export function firstProblemField(errors: FieldErrors<ScheduleItemField>): ScheduleItemField | undefined {
  return scheduleItemFields.find((field) => errors[field]);
}

const itemNumberOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Items in schedule order: "GS 2" before "GS 10", as people read a schedule, not as text sorts. */
export function sortByItemNumber<Item extends { itemNumber: string }>(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => itemNumberOrder.compare(a.itemNumber, b.itemNumber));
}
