// The department profile as its form holds it, the checks before department.update, and the sentence that
// shows what the fiscal year start month means.
import { departmentSchema, type Department } from '../../../shared/domain/types';
import { fiscalYearEnd } from '../../../shared/schedule/disposition';
import { emailProblem, fieldErrorsFromIssues, type FieldErrors } from '../ui/forms/field-errors';

export type DepartmentField =
  | 'name' | 'code' | 'address' | 'contactName' | 'contactPhone' | 'contactEmail' | 'officialName' | 'officialTitle' | 'fiscalYearStartMonth';

/** In the order they appear on screen, so the first one with a problem gets the focus. */
export const departmentFields: readonly DepartmentField[] = [
  'name',
  'code',
  'address',
  'contactName',
  'contactPhone',
  'contactEmail',
  'officialName',
  'officialTitle',
  'fiscalYearStartMonth',
];

export type DepartmentFormResult = { ok: true; department: Department } | { ok: false; errors: FieldErrors<DepartmentField> };

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const emptyDepartment: Department = {
  name: '',
  code: '',
  address: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  officialName: '',
  officialTitle: '',
  fiscalYearStartMonth: 7,
};

export function departmentFromForm(form: Department): DepartmentFormResult {
  const parsed = departmentSchema.safeParse(form);
  const errors = (parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)) as FieldErrors<DepartmentField>;
  const email = emailProblem(form.contactEmail);
  if (email && !errors.contactEmail) errors.contactEmail = email;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, department: parsed.data };
}

export function firstDepartmentProblem(errors: FieldErrors<DepartmentField>): DepartmentField | undefined {
  return departmentFields.find((field) => errors[field]);
}

/**
 * "FY2019 runs July 2018 – June 2019": fiscal years are named by the calendar year they end in, which is the
 * convention the disposition rules count with (see shared/schedule/disposition.ts).
 */
export function fiscalYearSentence(fiscalYearStartMonth: number, fiscalYear = 2019): string {
  const end = fiscalYearEnd(fiscalYear, fiscalYearStartMonth);
  const endYear = Number(end.slice(0, 4));
  const endMonth = Number(end.slice(5, 7));
  const startYear = fiscalYearStartMonth === 1 ? fiscalYear : fiscalYear - 1;
  const start = `${monthNames[fiscalYearStartMonth - 1]} ${startYear}`;
  return `FY${fiscalYear} runs ${start} – ${monthNames[endMonth - 1]} ${endYear}.`;
}
