// Turns schema issues and API errors into one plain message per form field, for the profile and schedule forms.
// Pure (no DOM, no React) so it is unit-tested.
import { isAppErrorShape } from '../../../../shared/domain/errors';

export type FieldErrors<Field extends string = string> = Partial<Record<Field, string>>;

/** The parts of a zod issue a message needs; structural so zod's own issue type fits. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  expected?: string;
}

/** Zod's default wording ("Too big: expected string to have <=200 characters") is for programmers. */
function isDefaultWording(message: string): boolean {
  return /^(Too big|Too small|Invalid input)/.test(message);
}

export function plainIssueMessage(issue: SchemaIssue): string {
  if (!isDefaultWording(issue.message)) return issue.message;
  if (issue.code === 'too_big' && issue.origin === 'string') return `Keep this to ${String(issue.maximum)} characters or fewer`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `Enter ${String(issue.maximum)} or less`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `Enter ${String(issue.minimum)} or more`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'Fill this in';
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) return 'Enter a whole number';
  return 'Check this value';
}

/** The first message for each field, keyed by the field's name (the last named step of the issue's path). */
export function fieldErrorsFromIssues(issues: readonly SchemaIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = [...issue.path].reverse().find((part): part is string => typeof part === 'string') ?? '';
    if (!(field in errors)) errors[field] = plainIssueMessage(issue);
  }
  return errors;
}

/**
 * Which of a form's fields an API error names, if any. The server names fields by their path in the call's input
 * ("item.itemNumber" for schedule.update), so only the last step is compared.
 */
export function fieldOfError<Field extends string>(error: unknown, fields: readonly Field[]): Field | undefined {
  if (!isAppErrorShape(error)) return undefined;
  const path = typeof error.details?.field === 'string' ? error.details.field : '';
  const last = path.split('.').reverse().find((step) => !/^\d+$/.test(step)) ?? '';
  return fields.find((field) => field === last);
}

/** The message to show a person for anything a call threw; unknown failures get a calm, general sentence. */
export function messageOfError(error: unknown): string {
  if (isAppErrorShape(error)) return error.message;
  return 'Transmittal could not complete this. Check that the catalog is still open, then try again.';
}

/** A light check only: the catalog accepts any text, but a missing "@" is almost always a typing slip. */
export function emailProblem(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed === '') return undefined;
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? undefined : 'That does not look like an email address (name@example.org)';
}
