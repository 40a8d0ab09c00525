// A records center profile as its form holds it (numbers typed as text), and the checks before centers.create/update.
import {
  deliveryOptions,
  recordsCenterInputSchema,
  type DeliveryOption,
  type RecordsCenter,
  type RecordsCenterInput,
} from '../../../shared/domain/types';
import { parseWholeNumber } from '../../../shared/schedule/rule-form';
import { emailProblem, fieldErrorsFromIssues, type FieldErrors } from '../ui/forms/field-errors';

export interface CenterForm {
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  retrievalInstructions: string;
  turnaround: string;
  turnaroundWorkingDays: string;
  deliveryOptions: DeliveryOption[];
  dispositionNoticeDays: string;
  lossPolicy: string;
  acceptsMixedBoxes: boolean;
}

export type CenterField = keyof CenterForm;

/** In the order they appear on screen, so the first one with a problem gets the focus. */
export const centerFields: readonly CenterField[] = [
  'name',
  'address',
  'contactName',
  'contactPhone',
  'contactEmail',
  'retrievalInstructions',
  'turnaround',
  'turnaroundWorkingDays',
  'deliveryOptions',
  'dispositionNoticeDays',
  'lossPolicy',
  'acceptsMixedBoxes',
];

export const deliveryOptionLabels: Record<DeliveryOption, string> = {
  'box-returned': 'Box returned to your office',
  'folder-returned': 'One folder returned to your office',
  'scan-on-demand': 'Scan on demand',
  'review-on-site': 'Review on site at the center',
  pickup: 'Pickup at the center',
};

export type CenterFormResult = { ok: true; center: RecordsCenterInput } | { ok: false; errors: FieldErrors<CenterField> };

export function centerToForm(center?: RecordsCenter): CenterForm {
  if (!center) {
    return {
      name: '',
      address: '',
      contactName: '',
      contactPhone: '',
      contactEmail: '',
      retrievalInstructions: '',
      turnaround: '',
      // Nothing is filled in for the center: a receipt prints only what the center itself stated.
      turnaroundWorkingDays: '',
      deliveryOptions: [],
      dispositionNoticeDays: '',
      lossPolicy: '',
      acceptsMixedBoxes: false,
    };
  }
  return {
    name: center.name,
    address: center.address,
    contactName: center.contactName,
    contactPhone: center.contactPhone,
    contactEmail: center.contactEmail,
    retrievalInstructions: center.retrievalInstructions,
    turnaround: center.turnaround,
    turnaroundWorkingDays: center.turnaroundWorkingDays === null ? '' : String(center.turnaroundWorkingDays),
    deliveryOptions: [...center.deliveryOptions],
    dispositionNoticeDays: center.dispositionNoticeDays === null ? '' : String(center.dispositionNoticeDays),
    lossPolicy: center.lossPolicy,
    acceptsMixedBoxes: center.acceptsMixedBoxes,
  };
}

/** Ticks or unticks one option, keeping the options in their usual order whatever order they were ticked in. */
export function toggleDeliveryOption(selected: readonly DeliveryOption[], option: DeliveryOption, on: boolean): DeliveryOption[] {
  return deliveryOptions.filter((each) => (each === option ? on : selected.includes(each)));
}

/** Empty is "not stated yet" (null): a profile may be saved before the center has said; sending then waits for it. */
function wholeNumber(text: string, notNumber: string): { value: number | null; problem?: string } {
  const value = parseWholeNumber(text);
  if (value === undefined) return { value: null };
  if (Number.isNaN(value)) return { value: null, problem: notNumber };
  return { value };
}

export function centerFromForm(form: CenterForm): CenterFormResult {
  const workingDays = wholeNumber(form.turnaroundWorkingDays, 'Working days must be a whole number, e.g. 2');
  const noticeDays = wholeNumber(form.dispositionNoticeDays, 'Notice days must be a whole number, e.g. 90');
  const parsed = recordsCenterInputSchema.safeParse({
    ...form,
    turnaroundWorkingDays: workingDays.value,
    dispositionNoticeDays: noticeDays.value,
  });
  const errors = (parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)) as FieldErrors<CenterField>;
  if (workingDays.problem) errors.turnaroundWorkingDays = workingDays.problem;
  if (noticeDays.problem) errors.dispositionNoticeDays = noticeDays.problem;
  const email = emailProblem(form.contactEmail);
  if (email && !errors.contactEmail) errors.contactEmail = email;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, center: parsed.data };
}

export function firstCenterProblem(errors: FieldErrors<CenterField>): CenterField | undefined {
  return centerFields.find((field) => errors[field]);
}
