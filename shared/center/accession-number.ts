// Accession numbers from the center's pattern: {DEPT} the department's code (or its initials when it has none),
// {YYYY} the year taken in, {NNNN} the next number for that department and year, padded to as many digits as Ns.
import { pad } from '../domain/words';

export const DEFAULT_ACCESSION_PATTERN = '{DEPT}-{YYYY}-{NNNN}';

/** "PW"; for a department without a code, its initials ("Public Works" → "PW"), or "DEPT" when it has no letters. */
export function departmentToken(department: { name: string; code: string }): string {
  const code = department.code.trim().replace(/\s+/g, '-');
  if (code) return code.toUpperCase();
  const initials = (department.name.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word[0]).join('').toUpperCase();
  return initials || 'DEPT';
}

/** A pattern must number accessions: without {NNNN} (any count of Ns) two in the same year would collide. */
export function patternProblem(pattern: string): string | null {
  if (!/\{N+\}/.test(pattern)) return 'The accession number pattern needs a running number, such as {NNNN}.';
  if (/\{(?!DEPT\}|YYYY\}|N+\})[^}]*\}/.test(pattern)) return 'The accession number pattern may use only {DEPT}, {YYYY} and {NNNN}.';
  return null;
}

/** The number for the given sequence: `formatAccessionNumber('{DEPT}-{YYYY}-{NNNN}', 'PW', 2026, 42)` → "PW-2026-0042". */
export function formatAccessionNumber(pattern: string, dept: string, year: number, sequence: number): string {
  return pattern
    .replace(/\{DEPT\}/g, dept)
    .replace(/\{YYYY\}/g, String(year))
    .replace(/\{(N+)\}/g, (_match, ns: string) => pad(sequence, ns.length));
}
