// Retention and disposition as retention schedules print them, read for import. It builds on ruleFromRetentionText
// (the form's reader, which stays strict so the form only suggests what it is sure of) and adds what schedules
// print besides:
// - A bare period ("3 years", "Retain 3 years", "3 yrs", "6 months", a number alone) counts from the end of the
//   calendar year the records close in (CY+3): the usual reading in records centers, and never earlier than the
//   folder's own closing date, so it cannot shorten retention.
// - "End of fiscal year + 6", "Current FY + 6", "6 years after end of fiscal year" are FY+6; the same for calendar.
// - "AV", "administrative value", "until no longer needed" mean: kept until the department says the records are no
//   longer needed. There is no such kind of rule, and "until superseded" would claim something untrue, so they are
//   read as an event rule, 0 years after "no longer of administrative value" (or "no longer needed"): nothing
//   becomes due until a person records that date, which is exactly what AV means.
// - A trailing disposition ("CY+3, then destroy", "Permanent (transfer to archives)") is set aside, and so is a
//   leading one ("Destroy after 3 years"). "plus" is "+"; "18 months" is 1 year 6 months.
// - "Termination + 5 years", "Close + 3": that many years after the named event.
import type { DispositionAction, RetentionRule } from '../domain/types';
import { ruleFromRetentionText } from './rule-form';

/**
 * The rule an import gives an item whose retention text cannot be read, until a person sets it: permanent, because
 * it never makes a record due for destruction. The import lists such items as "set the rule by hand".
 */
export const UNREAD_RULE_PLACEHOLDER: RetentionRule = { kind: 'permanent' };

const ADMINISTRATIVE_VALUE = /^(?:av|a\.v|adm(?:in(?:istrative)?)?\.? value|until (?:no longer )?(?:of )?administrative value(?: (?:ends|expires|is met))?|until no longer of administrative value|retain (?:for|until) administrative value|while of administrative value)$/;
const NO_LONGER_NEEDED = /^(?:(?:retain |keep )?until no longer needed|until no longer (?:useful|required)|no longer needed)$/;
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const period = (years: number, months: number, trigger: 'calendar-year' | 'fiscal-year'): RetentionRule | null =>
  years <= 200 && months <= 11 ? { kind: 'period', years, months, trigger, eventName: '' } : null;

function count(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (WORDS[word] ?? Number.NaN);
}

/** Cleans what schedules add around a rule: "Retain", a trailing disposition, a parenthesis, "yrs", "(s)". */
function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:destroy|shred|recycle|delete|dispose(?: of)?)\s+(?:after|in)\s+/, '')
    .replace(/\s*\bplus\b\s*/g, ' + ')
    .replace(/\((?:[^()]*)\)\s*$/, '')
    .replace(/[,;:.]?\s*(?:and |then )?(?:destroy|shred|recycle|delete|dispose|transfer|review|archive|offer)\b.*$/, '')
    .replace(/^(?:retain|keep|hold|retention:?)\s+(?:for\s+)?/, '')
    .replace(/\(s\)/g, 's')
    .replace(/\byrs?\b\.?/g, 'years')
    .replace(/\bmos?\b\.?/g, 'months')
    .replace(/\byear\b/g, 'years')
    .replace(/\bmonth\b/g, 'months')
    .replace(/[.;,\s]+$/, '')
    .trim();
}

const FISCAL = /(?:fy|fiscal(?: years)?)/.source;
const CALENDAR = /(?:cy|cr|calendar(?: years)?|current years|years end|end of years)/.source;

function extraForms(text: string): RetentionRule | null {
  if (ADMINISTRATIVE_VALUE.test(text)) return { kind: 'period', years: 0, months: 0, trigger: 'event', eventName: 'no longer of administrative value' };
  if (NO_LONGER_NEEDED.test(text)) return { kind: 'period', years: 0, months: 0, trigger: 'event', eventName: 'no longer needed' };

  const bare = /^(\d{1,3}|[a-z]+) years?(?: and)?(?: (\d{1,2}) months)?$/.exec(text) ?? /^(\d{1,3})$/.exec(text);
  if (bare && !Number.isNaN(count(bare[1]))) return period(count(bare[1]), bare[2] ? Number(bare[2]) : 0, 'calendar-year');
  const months = /^(\d{1,4}) months$/.exec(text);
  if (months) return period(Math.floor(Number(months[1]) / 12), Number(months[1]) % 12, 'calendar-year');

  // "end of fiscal year + 6", "current fy + 6 years", "fiscal year + 6"
  const plus = new RegExp(`^(?:end of |current |close of )?(${FISCAL}|${CALENDAR})(?: end)? ?\\+ ?(\\d{1,3})(?: years)?$`).exec(text);
  if (plus) return period(Number(plus[2]), 0, /^(fy|fiscal)/.test(plus[1]) ? 'fiscal-year' : 'calendar-year');

  // "termination + 5 years", "close + 3": after an event the department records.
  const afterEvent = /^([a-z][a-z ]{1,60}?) ?\+ ?(\d{1,3})(?: years)?$/.exec(text);
  if (afterEvent && Number(afterEvent[2]) <= 200) return { kind: 'period', years: Number(afterEvent[2]), months: 0, trigger: 'event', eventName: afterEvent[1] };
  return null;
}

/** "6 years after (the) end of (the) fiscal year" is FY+6, not an event named "end of fiscal year". */
function afterYearEnd(text: string): RetentionRule | null {
  const after = new RegExp(`^(\\d{1,3}|[a-z]+) years (?:after|from|following) (?:the )?(?:end|close) of (?:the )?(?:current )?(${FISCAL}|${CALENDAR})$`).exec(text);
  if (!after || Number.isNaN(count(after[1]))) return null;
  return period(count(after[1]), 0, /^(fy|fiscal)/.test(after[2]) ? 'fiscal-year' : 'calendar-year');
}

/** Retention and disposition texts longer than this are not read into a rule (they are kept, for a person to set). */
export const LONGEST_RULE_TEXT = 200;

/** A schedule's retention text → the structured rule, or null when a person has to set it (the text is kept either way). */
export function readRetentionText(text: string): RetentionRule | null {
  // Rules are short ("6 years after case closed"); a paragraph is for a person to read, and never slows reading.
  if (text.length > LONGEST_RULE_TEXT * 4) return null;
  const written = text.replace(/\s+/g, ' ').trim();
  if (written === '' || written.length > LONGEST_RULE_TEXT) return null;
  const simple = simplify(written);
  const yearEnd = afterYearEnd(simple);
  if (yearEnd) return yearEnd;
  const direct = ruleFromRetentionText(written);
  if (direct) return direct;
  if (simple === '') return null;
  return ruleFromRetentionText(simple) ?? extraForms(simple);
}

const DISPOSITIONS: { action: DispositionAction; pattern: RegExp }[] = [
  { action: 'review', pattern: /^(?:r|review|appraise|appraisal|evaluate|re-?evaluate|archival review|review (?:for|by|with)\b.*|review then\b.*|consult\b.*)$/ },
  {
    action: 'archives',
    pattern: /^(?:a|p|arch|archives?|archival|archive permanently|permanent|perm|transfer|transfer to (?:the )?(?:state |university |national |city |county )?archives?\b.*|offer to (?:the )?(?:state |university )?archives?\b.*|retain permanently|permanent retention|accession\b.*|historical)$/,
  },
  {
    action: 'destroy',
    pattern: /^(?:d|destroy|destruction|destroyed|shred|shredding|recycle|recycling|delete|erase|dispose|disposal|secure (?:destruction|shredding|disposal)|confidential (?:destruction|shredding)|destroy (?:securely|confidentially)|pulp|burn|incinerate)$/,
  },
];

/** A disposition cell → destroy / archives / review; null when blank or not understood. */
export function readDispositionText(text: string): DispositionAction | null {
  if (text.length > LONGEST_RULE_TEXT) return null;
  const value = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.;:!]+$/, '')
    .trim();
  if (value === '') return null;
  for (const { action, pattern } of DISPOSITIONS) if (pattern.test(value)) return action;
  // Longer instructions ("Destroy after audit", "Shred confidentially") are read by their first word.
  const first = /^(destroy|shred|recycle|delete|transfer to (?:the )?(?:\w+ )?archives|archive|review)\b/.exec(value);
  if (!first) return null;
  if (first[1].startsWith('review')) return 'review';
  return /archive/.test(first[1]) ? 'archives' : 'destroy';
}
