// Getting records back: the two exchange files between a department and its records center.
//
// - "transmittal-retrieval-request/1", written by the department: what it wants back (a box on loan, one folder, a
//   copy or scan, review at the center, or permanent withdrawal), how urgently, for whom, and every fact the center
//   needs to find it without looking anything up (accession, center box number, shelf, the department's own label and
//   folder title, the manifest fingerprint of the transfer that sent it).
// - "transmittal-retrieval-update/1", written by the center: where the request stands now, each item's state (pulled,
//   checked out to whom and due back when, returned, re-filed where, withdrawn), the answer to a copy or scan request,
//   and every custody event the center recorded for it so far, numbered, so the department takes in only the ones it
//   has not seen and both timelines agree. Each update carries everything so far: the latest one is enough.
//
// Both are sealed: `fingerprint` is the SHA-256 (lowercase hex) of the RFC 8785 canonical form of the file without
// its `fingerprint` member, so a file changed by hand after it was written is refused. A request's fingerprint is
// also how an update names the request it answers.
import { z } from 'zod';
import type { DeliveryOption } from '../domain/types';

export const RETRIEVAL_REQUEST_FORMAT = 'transmittal-retrieval-request/1';
export const RETRIEVAL_UPDATE_FORMAT = 'transmittal-retrieval-update/1';

const timestamp = z.iso.datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lowercase SHA-256 in hex');

/** What the department asks for. A loan is of the whole box unless the item names a folder. */
export const retrievalServices = ['box-loan', 'folder-loan', 'copy', 'review', 'withdrawal'] as const;
export type RetrievalService = (typeof retrievalServices)[number];

export const retrievalServiceLabels: Record<RetrievalService, string> = {
  'box-loan': 'The whole box returned on loan',
  'folder-loan': 'One folder returned on loan',
  copy: 'A copy or scan',
  review: 'Review at the records center',
  withdrawal: 'Permanent withdrawal (the box comes back to the office for good)',
};

/**
 * The center's stated delivery options that offer each service; withdrawal needs none (the records are the
 * department's, and it can always take them back for good).
 */
export const serviceOfferedBy: Record<RetrievalService, readonly DeliveryOption[] | 'always'> = {
  'box-loan': ['box-returned', 'pickup'],
  'folder-loan': ['folder-returned'],
  copy: ['scan-on-demand'],
  review: ['review-on-site'],
  withdrawal: 'always',
};

/** The services a center with these delivery options offers, in the order a person reads them. */
export function servicesOffered(deliveryOptions: readonly DeliveryOption[]): RetrievalService[] {
  return retrievalServices.filter((service) => {
    const by = serviceOfferedBy[service];
    return by === 'always' || by.some((option) => deliveryOptions.includes(option));
  });
}

/** Whether the service takes a folder (folder-loan, and a copy or review may name one) or a whole box. */
export const serviceScope: Record<RetrievalService, 'box' | 'folder' | 'either'> = {
  'box-loan': 'box',
  'folder-loan': 'folder',
  copy: 'either',
  review: 'either',
  withdrawal: 'box',
};

export const retrievalUrgencies = ['routine', 'urgent'] as const;
export type RetrievalUrgency = (typeof retrievalUrgencies)[number];

const requestItem = z.strictObject({
  /** The department's transfer that sent the box, and that transfer's manifest fingerprint. */
  transferNumber: z.string().min(1),
  manifestFingerprint: fingerprint,
  /** The center's accession number, as its acknowledgment gave it; null when none was taken in yet. */
  accessionNumber: z.string().nullable(),
  /** Box n of the transfer, and the box id printed as its label's barcode. */
  boxSequence: z.number().int().min(1),
  boxId: z.string().min(1),
  /** The department's own label, as sent. */
  boxLabel: z.string(),
  centerBoxNumber: z.string().nullable(),
  /** The shelf, in words, as the center last said; null when not known. */
  location: z.string().nullable(),
  /** The folder wanted, by its number in the box and its title as written; null for the whole box. */
  folder: z.strictObject({ position: z.number().int().min(1), title: z.string(), fileCode: z.string() }).nullable(),
  /** A legal hold on the box or folder (a hold never stops a retrieval; the center is told). */
  legalHold: z.boolean(),
});

export const retrievalRequestSchema = z
  .strictObject({
    format: z.literal(RETRIEVAL_REQUEST_FORMAT),
    request: z.strictObject({
      /** The department's number for the request, e.g. "PW-RQ-2026-0007". */
      number: z.string().min(1),
      createdAt: timestamp,
      service: z.enum(retrievalServices),
      urgency: z.enum(retrievalUrgencies),
      /** The date the person needs it by, if they said; null otherwise. */
      neededBy: isoDate.nullable(),
      /** The date it is due by the center's stated turnaround (working days from the request); null when the center states none. */
      dueBy: isoDate.nullable(),
      /** Who asks (the catalog's user). */
      requestedBy: z.string().min(1),
      /** Who needs it, in the department's words ("the permits clerk"). */
      neededFor: z.string(),
      /** Where to deliver or send it (an office, an email address). */
      deliverTo: z.string(),
      note: z.string(),
    }),
    department: z.strictObject({
      name: z.string().min(1),
      code: z.string(),
      contactName: z.string(),
      contactPhone: z.string(),
      contactEmail: z.string(),
    }),
    recordsCenter: z.strictObject({ name: z.string().min(1) }),
    items: z.array(requestItem).min(1),
    fingerprint,
  })
  .meta({
    title: 'Transmittal retrieval request, format 1',
    description:
      'What a department asks its records center to return, copy, show or give back for good, quoting everything the ' +
      'center needs to find it. `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the file without it.',
  });
export type RetrievalRequest = z.infer<typeof retrievalRequestSchema>;
export type RetrievalRequestItem = RetrievalRequest['items'][number];

/** Where a request stands at the center. */
export const retrievalStatuses = ['open', 'pulled', 'checked-out', 'returned', 'answered', 'withdrawn', 'refused'] as const;
export type RetrievalStatus = (typeof retrievalStatuses)[number];

export const retrievalStatusLabels: Record<RetrievalStatus | 'requested', string> = {
  requested: 'Requested (not yet taken in by the center)',
  open: 'Received by the center, not yet pulled',
  pulled: 'Pulled from the shelf',
  'checked-out': 'Checked out',
  returned: 'Returned and re-filed',
  answered: 'Answered',
  withdrawn: 'Withdrawn to the department',
  refused: 'Refused by the center',
};

/** What has happened to one item: pulled, checked out, back in the center, re-filed, or gone home for good. */
export const retrievalItemStatuses = ['requested', 'pulled', 'checked-out', 'returned', 'refiled', 'withdrawn'] as const;
export type RetrievalItemStatus = (typeof retrievalItemStatuses)[number];

/** The custody events of a retrieval (both sides record them; "requested" is the department's own). */
export const retrievalEventKinds = ['requested', 'pulled', 'checked-out', 'returned', 'refiled', 'withdrawn'] as const;
export type RetrievalEventKind = (typeof retrievalEventKinds)[number];

const updateItem = z.strictObject({
  /** The box as the request named it (its id and sequence), and the folder if one was named. */
  boxId: z.string().min(1),
  boxSequence: z.number().int().min(1),
  folderPosition: z.number().int().min(1).nullable(),
  status: z.enum(retrievalItemStatuses),
  /** While checked out: to whom, since when, due back when. */
  checkedOutTo: z.string().nullable(),
  checkedOutAt: timestamp.nullable(),
  dueBack: isoDate.nullable(),
  /** Where the box is (or will be re-filed) at the center, in words; null once withdrawn. */
  location: z.string().nullable(),
});

export const retrievalUpdateSchema = z
  .strictObject({
    format: z.literal(RETRIEVAL_UPDATE_FORMAT),
    request: z.strictObject({ number: z.string().min(1), fingerprint }),
    department: z.strictObject({ name: z.string().min(1), code: z.string() }),
    recordsCenter: z.strictObject({ name: z.string().min(1), contactName: z.string(), contactPhone: z.string(), contactEmail: z.string() }),
    issuedAt: timestamp,
    status: z.enum(retrievalStatuses),
    items: z.array(updateItem).min(1),
    /** A copy, scan or review answered: the center's words and the names of any files sent with this update. */
    answer: z.strictObject({ note: z.string(), files: z.array(z.string()) }).nullable(),
    /** Every custody event the center recorded for this request, oldest first, numbered from 1. */
    events: z.array(
      z.strictObject({
        seq: z.number().int().min(1),
        boxId: z.string().min(1),
        folderPosition: z.number().int().min(1).nullable(),
        kind: z.enum(retrievalEventKinds),
        at: timestamp,
        actor: z.string().min(1),
        /** Plain words for the timeline ("Checked out to the permits clerk, due back 2027-01-04"). */
        detail: z.string(),
      }),
    ),
    fingerprint,
  })
  .meta({
    title: 'Transmittal retrieval update, format 1',
    description:
      'Where a retrieval request stands at the records center: each item\u2019s state, the answer to a copy or scan, and ' +
      'every custody event recorded for it so far. `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the file without it.',
  });
export type RetrievalUpdate = z.infer<typeof retrievalUpdateSchema>;

export { canonicalUnsealed } from './seal';

/** Working days (Monday to Friday) after `from` (YYYY-MM-DD): the day a turnaround of `days` ends. */
export function addWorkingDays(from: string, days: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}
