// Getting records back, on both sides. A department asks for a box or folder (in its own words: found by its own
// title or code), writes the request file and its one-page PDF, and later takes in the center's updates; a records
// center takes the request in, works it (pull, check out, return, re-file, answer, withdraw) and writes an update
// back. The exchange files are shared/exchange/retrieval.ts. What happened is recorded as custody events on both
// sides: kept, never undone. The map is spread into the one API contract (./contract.ts).
import { z } from 'zod';
import type { WhereNow } from '../custody/where';
import type { DeliveryOption } from '../domain/types';
import {
  retrievalServices,
  retrievalUrgencies,
  type RetrievalItemStatus,
  type RetrievalRequestItem,
  type RetrievalService,
  type RetrievalStatus,
  type RetrievalUrgency,
} from '../exchange/retrieval';
import type { Page } from './contract-catalog';
import { RECORDS_CENTER } from './contract-center';
import { changes, DEPARTMENT, id, reads, result } from './contract-kit';
import { fileRefSchema, type DownloadOffer } from './file-ref';

const RECORDED = 'a retrieval is recorded as it happened (with custody events on both sides); a mistake is corrected by a new entry, never by erasing one';
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD');
const words = (max: number) => z.string().trim().max(max);
const outDir = z.string().trim().min(1).max(4096).optional();

/** What is asked for: whole boxes, or folders (by their catalog ids); at least one, at most 500 at once. */
const targets = {
  boxIds: z.array(id).max(500).default([]),
  folderIds: z.array(id).max(500).default([]),
};
const targetsInput = z
  .object(targets)
  .strict()
  .refine((value) => value.boxIds.length + value.folderIds.length > 0, { message: 'Choose the boxes or folders to ask for', path: ['boxIds'] });

/** One box or folder as a request would quote it, and whether it can be asked for now. */
export interface RetrievalCandidate extends RetrievalRequestItem {
  boxIdInCatalog: number;
  folderIdInCatalog: number | null;
  where: WhereNow;
  /** Why it cannot be asked for now ("it is in the office", "it is already checked out on PW-RQ-2026-0003"); null when it can. */
  blocked: string | null;
}

export interface RetrievalOptions {
  center: {
    name: string;
    retrievalInstructions: string;
    turnaround: string;
    turnaroundWorkingDays: number | null;
    deliveryOptions: DeliveryOption[];
    contactName: string;
    contactPhone: string;
    contactEmail: string;
  } | null;
  /** The services this center offers (withdrawal always). */
  services: RetrievalService[];
  items: RetrievalCandidate[];
  /** The due date today's request would get by the center's turnaround; null when the center states none. */
  dueBy: string | null;
  /** Why nothing can be asked for, when that is so ("these boxes are at two records centers: ask each separately"). */
  problem: string | null;
}

export interface RetrievalSummary {
  id: number;
  number: string;
  service: RetrievalService;
  urgency: RetrievalUrgency;
  /** 'requested' until the center's first update is taken in; then the center's status. */
  status: RetrievalStatus | 'requested';
  centerName: string;
  createdAt: string;
  requestedBy: string;
  neededFor: string;
  neededBy: string | null;
  dueBy: string | null;
  /** "Box PW-3 (Oak Street permits 2018 …)" or "Folder 2 “Elm Street permits 2019” in box PW-1", the first item and how many more. */
  what: string;
  items: number;
  /** While on loan: to whom and due back when, and whether that day has passed. */
  checkedOutTo: string | null;
  dueBack: string | null;
  overdue: boolean;
  updatedAt: string;
}

export interface RetrievalDetail extends RetrievalSummary {
  deliverTo: string;
  note: string;
  fingerprint: string;
  requestItems: RetrievalDetailItem[];
  answer: { note: string; files: string[] } | null;
  updates: { fingerprint: string; issuedAt: string; importedAt: string; status: RetrievalStatus }[];
}
export interface RetrievalDetailItem extends RetrievalRequestItem {
  boxIdInCatalog: number;
  folderIdInCatalog: number | null;
  status: RetrievalItemStatus;
  checkedOutTo: string | null;
  dueBack: string | null;
  where: WhereNow;
}

export interface RetrievalRequested {
  id: number;
  number: string;
  fingerprint: string;
  dueBy: string | null;
  /** retrieval-request JSON and its one-page PDF, written beside each other and offered for download. */
  path: string;
  pdfPath: string;
  download: DownloadOffer;
  pdfDownload: DownloadOffer;
  /** "Needed by 2026-12-08, but City Records Center's turnaround is 2 working days: expect it by 2026-12-09." */
  warnings: string[];
  message: string;
}

export interface RetrievalUpdateImported {
  requestId: number;
  requestNumber: string;
  status: RetrievalStatus;
  alreadyImported: boolean;
  /** Custody events new to this catalog. */
  newEvents: number;
  message: string;
}

/** A box or folder found by its own label, code or title, and where it is now (`transmittal where`). */
export interface WhereHit {
  boxId: number;
  boxLabel: string;
  folderId: number | null;
  folderPosition: number | null;
  title: string | null;
  fileCode: string | null;
  where: WhereNow;
}

// The records center's side.

export interface CenterRequestSummary {
  id: number;
  number: string;
  department: { id: number; name: string; code: string };
  service: RetrievalService;
  urgency: RetrievalUrgency;
  status: RetrievalStatus;
  receivedAt: string;
  neededBy: string | null;
  dueBy: string | null;
  neededFor: string;
  /** The first item in the department's words ("Box PW-3", "Folder 2 “Elm Street permits” in box PW-1") and how many more. */
  what: string;
  /** Where to walk to for the first item: accession, center box number and shelf. */
  walkTo: string;
  items: number;
  checkedOutTo: string | null;
  dueBack: string | null;
  /** Not yet done and past its due date, or on loan past its due-back day. */
  overdue: boolean;
}

export interface CenterRequestItem {
  holdingBoxId: number;
  accessionNumber: string;
  boxSequence: number;
  boxId: string;
  boxLabel: string;
  centerBoxNumber: string | null;
  location: string | null;
  locationId: number | null;
  folder: { position: number; title: string; fileCode: string } | null;
  legalHold: boolean;
  status: RetrievalItemStatus;
  checkedOutTo: string | null;
  checkedOutAt: string | null;
  dueBack: string | null;
}

export interface CenterRequestDetail extends CenterRequestSummary {
  fingerprint: string;
  requestedBy: string;
  deliverTo: string;
  note: string;
  requestItems: CenterRequestItem[];
  answer: { note: string; files: string[] } | null;
  events: { seq: number; boxId: string; folderPosition: number | null; kind: string; at: string; actor: string; detail: string }[];
  /** What can be recorded next, in order ("pull", then "checkout" …), for the screen's buttons. */
  next: CenterRequestAction[];
}

export const centerRequestActions = ['pull', 'checkout', 'return', 'refile', 'answer', 'withdraw', 'refuse'] as const;
export type CenterRequestAction = (typeof centerRequestActions)[number];

export interface CenterRequestImported {
  request: CenterRequestSummary;
  alreadyImported: boolean;
  message: string;
}

export interface RetrievalUpdateWritten {
  path: string;
  fingerprint: string;
  download: DownloadOffer;
}

const recordInput = z.discriminatedUnion('action', [
  /** Taken off the shelf (the location to walk to is on the request). */
  z.object({ id, action: z.literal('pull') }).strict(),
  /** Handed over on loan: to whom and due back when (default: 30 days from today). */
  z.object({ id, action: z.literal('checkout'), to: words(200).min(1, 'Say who the box or folder is checked out to'), dueBack: isoDate.optional() }).strict(),
  /** Back at the center, not yet on its shelf. */
  z.object({ id, action: z.literal('return') }).strict(),
  /** Back on a shelf: its own position (the default) or another free one. */
  z.object({ id, action: z.literal('refile'), locationId: id.optional() }).strict(),
  /** A copy, scan or review answered: the center's words and the names of files sent with the update. */
  z.object({ id, action: z.literal('answer'), note: words(4000).min(1, 'Say what was sent or found'), files: z.array(words(400).min(1)).max(100).default([]) }).strict(),
  /** Permanent withdrawal done: the box leaves the holdings and its shelf position is free. */
  z.object({ id, action: z.literal('withdraw') }).strict(),
  /** The center cannot do it (the box is missing, the service is not offered): the reason goes back to the department. */
  z.object({ id, action: z.literal('refuse'), reason: words(2000).min(1, 'Say why the request cannot be done') }).strict(),
]);
export type CenterRequestRecordInput = z.output<typeof recordInput>;

export const retrievalContract = {
  /** What the chosen boxes or folders would be asked for as: the center's services, each item quoted, the due date. */
  'retrievals.options': { ...reads(DEPARTMENT), input: targetsInput, result: result<RetrievalOptions>() },
  /**
   * Records the request (a "requested" custody event on each box) and writes `<number>-retrieval-request.json` and
   * its one-page PDF to the Retrievals folder (or `outDir`), offered for download. Only a service the center offers.
   */
  'retrievals.request': {
    ...changes(DEPARTMENT, { notUndoable: RECORDED }),
    input: z
      .object({
        ...targets,
        service: z.enum(retrievalServices),
        urgency: z.enum(retrievalUrgencies).default('routine'),
        neededBy: isoDate.optional(),
        neededFor: words(200).default(''),
        deliverTo: words(400).default(''),
        note: words(4000).default(''),
        outDir,
      })
      .strict()
      .refine((value) => value.boxIds.length + value.folderIds.length > 0, { message: 'Choose the boxes or folders to ask for', path: ['boxIds'] }),
    result: result<RetrievalRequested>(),
  },
  'retrievals.list': {
    ...reads(DEPARTMENT),
    input: z.object({ open: z.boolean().default(false) }).strict(),
    result: result<RetrievalSummary[]>(),
  },
  'retrievals.get': { ...reads(DEPARTMENT), input: z.object({ id }).strict(), result: result<RetrievalDetail>() },
  /** Takes in the center's retrieval update (transmittal-retrieval-update/1); the same one twice changes nothing. */
  'retrievals.importUpdate': {
    ...changes(DEPARTMENT, { notUndoable: 'it records what the records center did: a fact from outside, kept like every custody event' }),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<RetrievalUpdateImported>(),
  },
  /** Boxes and folders whose own label, file code or title matches, with where each is now. */
  'catalog.where': {
    ...reads(DEPARTMENT),
    input: z.object({ query: words(200).min(1, 'Give a box label, a file code or words of a title'), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    result: result<WhereHit[]>(),
  },

  /** Takes in a department's retrieval request: refused for boxes the center does not hold or another department's, or a changed file. */
  'center.requests.import': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED }),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<CenterRequestImported>(),
  },
  /** The requests queue, soonest due first: open ones (default), overdue ones, or all. */
  'center.requests': {
    ...reads(RECORDS_CENTER),
    input: z
      .object({
        show: z.enum(['open', 'overdue', 'all']).default('open'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    result: result<Page<CenterRequestSummary>>(),
  },
  'center.request.get': { ...reads(RECORDS_CENTER), input: z.object({ id }).strict(), result: result<CenterRequestDetail>() },
  /** Records the next step of a request: pull, check out, return, re-file, answer, withdraw or refuse. */
  'center.request.record': { ...changes(RECORDS_CENTER, { notUndoable: RECORDED }), input: recordInput, result: result<CenterRequestDetail>() },
  /** Writes `<number>-retrieval-update.json` (everything so far) to the Retrievals folder (or `outDir`), offered for download. */
  'center.request.writeUpdate': {
    ...changes(RECORDS_CENTER, { notUndoable: 'it writes a file for the department and changes nothing in the catalog', outsideCatalog: true }),
    input: z.object({ id, outDir }).strict(),
    result: result<RetrievalUpdateWritten>(),
  },
} as const;
