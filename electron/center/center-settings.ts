// A records center's own settings: how its accession numbers are made ({DEPT}-{YYYY}-{NNNN} unless it says), and its
// notice period, the days a department has to answer a disposition notice (90 unless it says). Numbers already
// given keep their form and notices already sent keep their answer-by day: a setting applies to what comes next.
import type { CenterSettings } from '../../shared/api/contract-center';
import { formatAccessionNumber, patternProblem } from '../../shared/center/accession-number';
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import type { CatalogContext } from '../catalog/context';
import { readMeta, writeMeta } from '../catalog/open-catalog';
import { recordedChange } from './center-change';
import { ACCESSION_PATTERN_KEY, accessionPattern } from './intake';

const NOTICE_DAYS_KEY = 'disposition_notice_days';
export const DEFAULT_NOTICE_DAYS = 90;

/** The center's notice period in days: its setting, or 90 when it never set one. */
export function noticeDays(context: CatalogContext): number {
  const stored = Number(readMeta(context.db, NOTICE_DAYS_KEY));
  return Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_NOTICE_DAYS;
}

export function centerSettings(context: CatalogContext): CenterSettings {
  const pattern = accessionPattern(context);
  return {
    accessionNumberPattern: pattern,
    example: formatAccessionNumber(pattern, 'PW', new Date(context.now()).getFullYear(), 42),
    noticeDays: noticeDays(context),
  };
}

export function setAccessionPattern(context: CatalogContext, pattern: string): CenterSettings {
  const problem = patternProblem(pattern);
  if (problem) throw new AppError('invalid-input', `${problem} Nothing was changed.`, { field: 'accessionNumberPattern' });
  recordedChange(context, `Accession numbers follow ${pattern}`, () => writeMeta(context.db, ACCESSION_PATTERN_KEY, pattern));
  return centerSettings(context);
}

export function setNoticeDays(context: CatalogContext, days: number): CenterSettings {
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new AppError('invalid-input', `A notice period is a whole number of days from 1 to 3650, not ${days}. Nothing was changed.`, { field: 'days' });
  }
  if (days !== noticeDays(context) || readMeta(context.db, NOTICE_DAYS_KEY) === null) {
    recordedChange(context, `Departments have ${count(days, 'day')} to answer a disposition notice`, () => writeMeta(context.db, NOTICE_DAYS_KEY, String(days)));
  }
  return centerSettings(context);
}
