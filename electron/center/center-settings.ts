// A records center's own settings: how its accession numbers are made ({DEPT}-{YYYY}-{NNNN} unless it says).
// Numbers already given keep their form; the pattern applies to the next intake.
import type { CenterSettings } from '../../shared/api/contract-center';
import { formatAccessionNumber, patternProblem } from '../../shared/center/accession-number';
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from '../catalog/context';
import { writeMeta } from '../catalog/open-catalog';
import { recordedChange } from './center-change';
import { ACCESSION_PATTERN_KEY, accessionPattern } from './intake';

export function centerSettings(context: CatalogContext): CenterSettings {
  const pattern = accessionPattern(context);
  return { accessionNumberPattern: pattern, example: formatAccessionNumber(pattern, 'PW', new Date(context.now()).getFullYear(), 42) };
}

export function setAccessionPattern(context: CatalogContext, pattern: string): CenterSettings {
  const problem = patternProblem(pattern);
  if (problem) throw new AppError('invalid-input', `${problem} Nothing was changed.`, { field: 'accessionNumberPattern' });
  recordedChange(context, `Accession numbers follow ${pattern}`, () => writeMeta(context.db, ACCESSION_PATTERN_KEY, pattern));
  return centerSettings(context);
}
