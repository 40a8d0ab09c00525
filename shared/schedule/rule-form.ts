// The retention rule as a form edits it (text boxes hold strings, not numbers), and a reader for the retention text
// a schedule prints ("CY+10", "3 years after case closed"). The shorthand itself is describeRule in ./disposition.
import type { DispositionAction, RetentionRule } from '../domain/types';
import { describeRule } from './disposition';

export type RuleKind = RetentionRule['kind'];
export type RetentionTrigger = 'calendar-year' | 'fiscal-year' | 'event';

export interface RuleForm {
  kind: RuleKind;
  years: string;
  months: string;
  trigger: RetentionTrigger;
  eventName: string;
  /** Years kept after the record is superseded ("until superseded" rules only). */
  yearsAfter: string;
}

export type RuleFormField = 'years' | 'months' | 'eventName' | 'yearsAfter';
export type RuleFormResult =
  | { ok: true; rule: RetentionRule }
  | { ok: false; errors: Partial<Record<RuleFormField, string>> };

export const emptyRuleForm: RuleForm = {
  kind: 'period',
  years: '',
  months: '0',
  trigger: 'calendar-year',
  eventName: '',
  yearsAfter: '0',
};

export const ruleKindLabels: Record<RuleKind, string> = {
  period: 'A period of time',
  permanent: 'Permanent',
  'until-superseded': 'Until superseded',
};

export const triggerLabels: Record<RetentionTrigger, string> = {
  'calendar-year': 'End of the calendar year (CY)',
  'fiscal-year': 'End of the fiscal year (FY)',
  event: 'An event (case closed, employee separated…)',
};

export const dispositionLabels: Record<DispositionAction, string> = {
  destroy: 'Destroy',
  archives: 'Transfer to the archives',
  review: 'Review',
};

export function ruleToForm(rule: RetentionRule): RuleForm {
  switch (rule.kind) {
    case 'period':
      return {
        ...emptyRuleForm,
        years: String(rule.years),
        months: String(rule.months ?? 0),
        trigger: rule.trigger,
        eventName: rule.eventName ?? '',
      };
    case 'permanent':
      return { ...emptyRuleForm, kind: 'permanent' };
    case 'until-superseded':
      return { ...emptyRuleForm, kind: 'until-superseded', yearsAfter: String(rule.yearsAfter ?? 0) };
  }
}

/**
 * A whole number typed in a text box: undefined when left empty, NaN when it is not a whole number.
 * Number('1e2') and Number(' 0x1F ') are numbers too, which no records clerk means: only digits count.
 */
export function parseWholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function ruleFromForm(form: RuleForm): RuleFormResult {
  const errors: Partial<Record<RuleFormField, string>> = {};
  if (form.kind === 'permanent') return { ok: true, rule: { kind: 'permanent' } };
  if (form.kind === 'until-superseded') {
    const yearsAfter = parseWholeNumber(form.yearsAfter) ?? 0;
    if (Number.isNaN(yearsAfter) || yearsAfter > 200) {
      errors.yearsAfter = 'Years after superseded must be a whole number from 0 to 200';
      return { ok: false, errors };
    }
    return { ok: true, rule: { kind: 'until-superseded', yearsAfter } };
  }

  const years = parseWholeNumber(form.years);
  const months = parseWholeNumber(form.months) ?? 0;
  if (years === undefined) errors.years = 'Say how many years the records are kept (0 if only months)';
  else if (Number.isNaN(years) || years > 200) errors.years = 'Years must be a whole number from 0 to 200';
  if (Number.isNaN(months) || months > 11) errors.months = 'Months must be a whole number from 0 to 11';
  const eventName = form.eventName.trim();
  if (form.trigger === 'event' && eventName === '') {
    errors.eventName = 'Name the event the period counts from, e.g. case closed';
  } else if (eventName.length > 200) {
    errors.eventName = 'Keep the event name under 200 characters';
  }
  if (Object.keys(errors).length > 0 || years === undefined) return { ok: false, errors };
  return {
    ok: true,
    rule: { kind: 'period', years, months, trigger: form.trigger, eventName: form.trigger === 'event' ? eventName : '' },
  };
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, seventy: 70, seventyfive: 75, hundred: 100,
};

function readCount(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return WORD_NUMBERS[word.replace(/[\s-]/g, '')];
}

/**
 * Reads the common ways schedules print a rule ("CY+10", "FY + 6", "Permanent", "Until superseded",
 * "3 years after case closed", "Superseded + 2 years") so the form can offer the structured rule.
 * Returns null for anything else: the person fills the rule in, and the text is kept as written either way.
 */
export function ruleFromRetentionText(text: string): RetentionRule | null {
  const normalized = text.trim().replace(/\s+/g, ' ').replace(/[.;]+$/, '');
  const cleaned = normalized.toLowerCase();
  if (cleaned === '') return null;
  if (/^(perm|permanent|permanently|retain permanently|keep permanently)$/.test(cleaned)) return { kind: 'permanent' };
  if (/^(until )?superseded( or obsolete)?$/.test(cleaned)) return { kind: 'until-superseded', yearsAfter: 0 };

  const shorthand = /^(cy|cr|fy)\s*\+\s*(\d{1,3})(?:\s*(?:years?|yrs?|y))?$/.exec(cleaned);
  if (shorthand && Number(shorthand[2]) <= 200) {
    const trigger = shorthand[1] === 'fy' ? 'fiscal-year' : 'calendar-year';
    return { kind: 'period', years: Number(shorthand[2]), months: 0, trigger, eventName: '' };
  }

  const superseded = /^(?:until )?superseded\s*\+\s*(\d{1,3})\s*(?:years?|yrs?|y)?$/.exec(cleaned);
  if (superseded && Number(superseded[1]) <= 200) return { kind: 'until-superseded', yearsAfter: Number(superseded[1]) };

  // Matched on the text as written, so the event keeps the schedule's own capitals.
  const afterEvent = /^([a-z0-9-]+) (years?|months?) (?:after|from) (?:the )?(.+)$/i.exec(normalized);
  if (afterEvent) {
    const count = readCount(afterEvent[1].toLowerCase());
    if (count === undefined || count > 200) return null;
    const isMonths = afterEvent[2].toLowerCase().startsWith('month');
    if (isMonths && count > 11) return null;
    const event = afterEvent[3].trim();
    if (event.length > 200) return null;
    if (/^superseded$/i.test(event)) return isMonths ? null : { kind: 'until-superseded', yearsAfter: count };
    return {
      kind: 'period',
      years: isMonths ? 0 : count,
      months: isMonths ? count : 0,
      trigger: 'event',
      eventName: event,
    };
  }
  return null;
}

/** Whether two rules mean the same thing (used to hide a suggestion the form already holds). */
export function sameRule(a: RetentionRule, b: RetentionRule): boolean {
  return describeRule(a).toLowerCase() === describeRule(b).toLowerCase();
}
