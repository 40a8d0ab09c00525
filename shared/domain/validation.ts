// Turns a schema failure into one message a person can act on, naming the field.
import type { z } from 'zod';
import { AppError } from './errors';

const FIELD_NAMES: Record<string, string> = {
  label: 'Box label',
  cubicFeet: 'Cubic feet',
  title: 'Title',
  fileCode: 'File code',
  beginDate: 'Begin date',
  endDate: 'End date',
  eventDate: 'Event date',
  itemNumber: 'Item number',
  name: 'Name',
  legalHoldReason: 'Legal hold reason',
  fiscalYearStartMonth: 'Fiscal year start month',
  contactEmail: 'Contact email',
  position: 'Folder number',
  fileName: 'Catalog name',
  file: 'File',
  upload: 'File',
};

/** "departmentId" → "Department id": an internal name never reaches a person as it is spelled in code. */
function humanize(name: string): string {
  const words = name
    .replace(/Base64$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((part) => typeof part === 'string');
  if (typeof last !== 'string') return 'Input';
  return FIELD_NAMES[last] ?? humanize(last);
}

export function validationError(error: z.ZodError, context = ''): AppError {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  const where = field ? `${fieldLabel(issue.path)}: ` : '';
  return new AppError('invalid-input', `${context}${where}${issue.message}`, {
    field,
    issues: error.issues.slice(0, 20).map((each) => ({ path: each.path.map(String).join('.'), message: each.message })),
  });
}

/** Parses or throws an AppError naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, context = ''): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, context);
  return parsed.data;
}
