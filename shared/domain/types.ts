// The department's catalog in its own words: profiles, the retention schedule, boxes and folders.
// Zod schemas are the single definition; TypeScript types are inferred from them.
import { z } from 'zod';
import type { WhereNow } from '../custody/where';
import { isoDateSchema, partialDateSchema } from './partial-date';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).default('');

export const monthSchema = z.number().int().min(1).max(12);

export const departmentSchema = z.object({
  name: text(200).min(1, 'The department needs a name'),
  code: optionalText(40),
  address: optionalText(1000),
  contactName: optionalText(200),
  contactPhone: optionalText(60),
  contactEmail: optionalText(200),
  /** The official who releases the records on the receipt's "Released by" line, and that official's title. */
  officialName: optionalText(200),
  officialTitle: optionalText(200),
  /** First month of the fiscal year (7 = July); FY2019 then runs 2018-07-01 to 2019-06-30. */
  fiscalYearStartMonth: monthSchema.default(7),
});
export type Department = z.infer<typeof departmentSchema>;

export const deliveryOptions = ['box-returned', 'folder-returned', 'scan-on-demand', 'review-on-site', 'pickup'] as const;
export const deliveryOptionSchema = z.enum(deliveryOptions);
export type DeliveryOption = z.infer<typeof deliveryOptionSchema>;

export const recordsCenterInputSchema = z.object({
  name: text(200).min(1, 'The records center needs a name'),
  address: optionalText(1000),
  contactName: optionalText(200),
  contactPhone: optionalText(60),
  contactEmail: optionalText(200),
  retrievalInstructions: optionalText(4000),
  /** Turnaround in plain words, as the center publishes it ("Same afternoon if asked by 10 am"). */
  turnaround: optionalText(400),
  // What the center commits to is only ever the center's own word: nothing here has a default the receipt could
  // print as if the center had said it. Sending is refused while any of it is missing (shared/transfer/validate.ts).
  turnaroundWorkingDays: z.number().int().min(0).max(60).nullable().default(null),
  /** The services the center offers: return of a box or a folder, a copy or scan, review on site, pickup. */
  deliveryOptions: z.array(deliveryOptionSchema).default([]),
  dispositionNoticeDays: z.number().int().min(0).max(3650).nullable().default(null),
  /** What the center does if a box is lost or damaged in its care, in its own words. */
  lossPolicy: optionalText(2000),
  /** The center keeps a box mixing series with different dates until its latest date (else such a box is refused). */
  acceptsMixedBoxes: z.boolean().default(false),
});
export type RecordsCenterInput = z.infer<typeof recordsCenterInputSchema>;
export type RecordsCenter = RecordsCenterInput & { id: number };

export const retentionTriggers = ['calendar-year', 'fiscal-year', 'event'] as const;

/** A retention rule: a period after a trigger, permanent, or until superseded. */
export const retentionRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('period'),
    years: z.number().int().min(0).max(200),
    months: z.number().int().min(0).max(11).default(0),
    trigger: z.enum(retentionTriggers),
    /** What the event is, in the schedule's words ("case closed", "employee separated"); trigger 'event' only. */
    eventName: optionalText(200),
  }),
  z.object({ kind: z.literal('permanent') }),
  z.object({
    kind: z.literal('until-superseded'),
    yearsAfter: z.number().int().min(0).max(200).default(0),
  }),
]);
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

export const dispositionActions = ['destroy', 'archives', 'review'] as const;
export const dispositionActionSchema = z.enum(dispositionActions);
export type DispositionAction = z.infer<typeof dispositionActionSchema>;

export const scheduleItemInputSchema = z.object({
  itemNumber: text(60).min(1, 'Every schedule item needs its number (e.g. GS 1010)'),
  title: text(300).min(1, 'Every schedule item needs a series title'),
  description: optionalText(4000),
  rule: retentionRuleSchema,
  /** The retention as the schedule writes it, kept verbatim. */
  retentionText: optionalText(400),
  disposition: dispositionActionSchema.default('destroy'),
  citation: optionalText(400),
});
export type ScheduleItemInput = z.infer<typeof scheduleItemInputSchema>;
export type ScheduleItem = ScheduleItemInput & { id: number };

export const boxStatuses = [
  'in-office',
  'in-transfer',
  'in-transit',
  'at-records-center',
  'checked-out',
  'disposed',
  'transferred-to-archives',
] as const;
export const boxStatusSchema = z.enum(boxStatuses);
export type BoxStatus = z.infer<typeof boxStatusSchema>;

/**
 * What a person describes about a box. Where the box is (its status) is not among them: it follows from what
 * happened to it (put on a transfer, sent, later checked in, checked out, disposed), never typed or picked.
 */
export const boxInputSchema = z.object({
  label: text(120).min(1, 'A box needs the label your office writes on it'),
  cubicFeet: z.number().positive('Box size must be more than 0 cubic feet').max(50).default(1.2),
  officeLocation: optionalText(200),
  notes: optionalText(4000),
});
export type BoxInput = z.infer<typeof boxInputSchema>;
export type Box = BoxInput & {
  /** Where the box is, derived from its transfers (and, later, the center's updates). */
  status: BoxStatus;
  id: number;
  folderCount: number;
  /** First and last day its folders cover, shortened to a month or year when whole ("2015", "2019-03"). */
  dateFrom: string | null;
  dateTo: string | null;
  seriesTitles: string[];
  /**
   * Why the box and its folders can no longer be edited, in plain words ("sent to City Records Center on March 3,
   * 2026 in PW-2026-001"), or null while they are the department's to change.
   */
  lockedReason: string | null;
  /**
   * Where the box is at the records center, as its acknowledgment said ("at City Records Center, accession
   * PW-2026-0042, box 118, Building A / Row 3 / Bay 2 / Shelf 4"), or what the center found ("reported missing by
   * …"); null until an acknowledgment is taken in.
   */
  atCenter: string | null;
  /** Where the box is now and since when, in words (read from its custody events and the center's updates). */
  where: WhereNow;
  createdAt: string;
  updatedAt: string;
};

export const media = ['paper', 'electronic', 'mixed', 'microfilm', 'audiovisual', 'other'] as const;
export const mediumSchema = z.enum(media);
export type Medium = z.infer<typeof mediumSchema>;

const optionalPartialDate = z.union([partialDateSchema, z.literal('')]).default('');

export const folderFieldsSchema = z.object({
  /** Folder number within the box, as the department numbers it (1, 2, 3...). */
  position: z.number().int().min(1).max(100_000).optional(),
  title: text(1000).min(1, 'A folder needs its title as written on the tab'),
  fileCode: optionalText(120),
  scheduleItemId: z.number().int().positive().nullable().default(null),
  beginDate: optionalPartialDate,
  endDate: optionalPartialDate,
  /** The event a rule counts from (case closed, employee separated, superseded). */
  eventDate: optionalPartialDate,
  confidential: z.boolean().default(false),
  medium: mediumSchema.default('paper'),
  notes: optionalText(4000),
  legalHold: z.boolean().default(false),
  legalHoldReason: optionalText(400),
});
export const folderInputSchema = folderFieldsSchema.superRefine((folder, ctx) => {
  if (folder.beginDate && folder.endDate && compareStart(folder.beginDate, folder.endDate) > 0) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date is before the begin date' });
  }
  if (folder.legalHold && !folder.legalHoldReason) {
    ctx.addIssue({ code: 'custom', path: ['legalHoldReason'], message: 'Say why the folder is on hold (case, audit, request)' });
  }
});
export type FolderInput = z.infer<typeof folderInputSchema>;

export type DispositionStatus =
  | 'scheduled'
  | 'on-hold'
  | 'permanent'
  | 'awaiting-event'
  | 'no-schedule'
  | 'undated';

export type Folder = Omit<FolderInput, 'position'> & {
  id: number;
  boxId: number;
  boxLabel: string;
  position: number;
  seriesTitle: string | null;
  itemNumber: string | null;
  dispositionDate: string | null;
  dispositionStatus: DispositionStatus;
  /** Where the folder is now: its box's place, or checked out on its own while its box stays on the shelf. */
  where: WhereNow;
  createdAt: string;
  updatedAt: string;
};

export { isoDateSchema };

/** The earliest and latest day a partial date can mean, whatever the fiscal year's start month. */
function widestSpan(value: string): [string, string] {
  if (value.startsWith('FY')) {
    const year = Number(value.slice(2));
    return [`${year - 1}-02-01`, `${year}-12-31`];
  }
  if (value.length === 4) return [`${value}-01-01`, `${value}-12-31`];
  if (value.length === 7) return [`${value}-01`, `${value}-31`];
  return [value, value];
}
/** Positive only when the end date certainly comes before the begin date (FY2019 may include December 2018). */
function compareStart(begin: string, end: string): number {
  return widestSpan(end)[1] < widestSpan(begin)[0] ? 1 : 0;
}
