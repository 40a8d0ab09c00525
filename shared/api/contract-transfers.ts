// Transfers: packaging boxes for a records center (manifest, receipt, labels) and following them there.
// The map is spread into the one API contract (./contract.ts).
import { z } from 'zod';
import { fileRefSchema, type DownloadOffer } from './file-ref';
import { boxInputSchema, folderFieldsSchema, type BoxStatus } from '../domain/types';
import { changesSchema } from '../domain/changes-schema';
import type { Amendment } from '../exchange/amendments';
import type { Acknowledgment } from '../exchange/acknowledgment';
import type { TransferStatus } from '../transfer/statuses';
import type { TransferValidation } from '../transfer/validate';
import { id, none, result, reads, changes, DEPARTMENT } from './contract-kit';

export type { TransferStatus } from '../transfer/statuses';
export type { TransferValidation, ValidationIssue } from '../transfer/validate';

export interface TransferSummary {
  id: number;
  /** "PW-2026-003": printed on labels and receipts, quoted when asking for records back. */
  number: string;
  status: TransferStatus;
  recordsCenterId: number;
  /** Null when the center's profile was deleted (a sent transfer still names it in its manifest). */
  recordsCenterName: string | null;
  notes: string;
  /** Who may see these records and under what authority, in the department's words ("" when none stated). */
  accessRestrictions: string;
  createdAt: string;
  sentAt: string | null;
  /** SHA-256 of the frozen manifest; null until sent. */
  fingerprint: string | null;
  totals: { boxes: number; folders: number; cubicFeet: number };
  /** Earliest and latest folder dates, as written. */
  dateSpan: { from: string | null; to: string | null };
}

export interface TransferBox {
  /** The catalog's box id; null when a sent box was deleted from the catalog since (the manifest keeps it). */
  boxId: number | null;
  /** "box 3 of 12". */
  sequence: number;
  label: string;
  cubicFeet: number;
  folders: number;
  dateFrom: string | null;
  dateTo: string | null;
  /** The box's status in the catalog now; null when it is no longer in the catalog. */
  status: BoxStatus | null;
  confidential: boolean;
  itemNumbers: string[];
}

export interface TransferDetail extends TransferSummary {
  boxes: TransferBox[];
  /** Corrections made after sending, oldest first (empty before sending). */
  amendments: Amendment[];
  /** Electronic records going with the boxes, by name (they travel under data/records/ in the package). */
  files: TransferFile[];
  /** Null once sent: what was sent is fixed and is not checked again. */
  validation: TransferValidation | null;
  /** What the records center found, as its acknowledgments said (newest first; empty until one is taken in). */
  acknowledgments: ReceivedAcknowledgment[];
}

export interface ReceivedAcknowledgment {
  /** SHA-256 of the acknowledgment's canonical form. */
  fingerprint: string;
  importedAt: string;
  acknowledgment: Acknowledgment;
}

export interface AcknowledgmentImported {
  transferId: number;
  transferNumber: string;
  accessionNumber: string;
  fingerprint: string;
  /** True when this very file was taken in before: nothing changed. */
  alreadyImported: boolean;
  /** What happened, in a sentence. */
  message: string;
}

export interface PackageStarted {
  jobId: string;
  /** A package of a transfer not yet sent: its receipt says "DRAFT — not sent". */
  preview: boolean;
  /** The bag folder and the zip beside it. */
  folder: string;
  zip: string;
  fingerprint: string;
}

const ids = z.array(id).min(1).max(100_000);

/** A correction after sending: a box's or a folder's describing fields, with the reason, never its place. */
const amendInput = z.union([
  z
    .object({
      target: z.object({ boxId: id }).strict(),
      changes: changesSchema(boxInputSchema.pick({ label: true, cubicFeet: true, notes: true }).shape),
      reason: z.string().trim().min(3, 'Say why the record is corrected (for the center and for later readers)').max(2000),
    })
    .strict(),
  z
    .object({
      target: z.object({ folderId: id }).strict(),
      changes: changesSchema(folderFieldsSchema.pick({ title: true, fileCode: true, beginDate: true, endDate: true, eventDate: true, confidential: true, notes: true }).shape),
      reason: z.string().trim().min(3, 'Say why the record is corrected (for the center and for later readers)').max(2000),
    })
    .strict(),
]);
export type AmendInput = z.output<typeof amendInput>;

/** An electronic record on a transfer, kept by reference with the size and checksum read when it was added. */
export interface TransferFile {
  id: number;
  /** "records/Site plan.pdf": its path under the package's data/ folder. */
  relativePath: string;
  /** Where the file is on this computer (the package copies it from here). */
  sourcePath: string;
  size: number;
  sha256: string;
  mediaType: string;
  addedAt: string;
}

/** The amendments one correction recorded, and the sent transfer they are listed on. */
export interface AmendResult {
  transferId: number;
  transferNumber: string;
  amendments: Amendment[];
}

export interface AmendmentsWritten {
  /** transmittal-amendments/1 JSON beside the transfer's package, offered for download too. */
  path: string;
  fingerprint: string;
  count: number;
  download: DownloadOffer;
}
const notes = z.string().trim().max(4000).default('');
const accessRestrictions = z.string().trim().max(4000).default('');
const boxLabel = z.string().trim().min(1, 'Give the first and last box labels of the range').max(120);

/** Which boxes to add: chosen ones, every box still in the office, or a range of labels ("PW-001" to "PW-040"). */
const addBoxesInput = z.union([
  z.object({ id, boxIds: ids }).strict(),
  z.object({ id, all: z.literal(true) }).strict(),
  z.object({ id, fromLabel: boxLabel, toLabel: boxLabel }).strict(),
]);
export type AddBoxesInput = z.input<typeof addBoxesInput>;

export const transferContract = {
  'transfers.list': { ...reads(DEPARTMENT), input: none, result: result<TransferSummary[]>() },
  'transfers.get': { ...reads(DEPARTMENT), input: z.object({ id }).strict(), result: result<TransferDetail>() },
  'transfers.create': {
    ...changes(DEPARTMENT),
    input: z.object({ recordsCenterId: id, notes, accessRestrictions }).strict(),
    result: result<TransferSummary>(),
  },
  /** The notes and access restrictions of a transfer not yet sent (they are printed on its receipt); undoable. */
  'transfers.update': {
    ...changes(DEPARTMENT),
    input: z
      .object({ id, notes: z.string().trim().max(4000).optional(), accessRestrictions: z.string().trim().max(4000).optional() })
      .strict()
      .refine((input) => input.notes !== undefined || input.accessRestrictions !== undefined, { message: 'Give the notes or the access restrictions to change' }),
    result: result<TransferSummary>(),
  },
  /** Adds boxes; a range adds what it can and lists, box by box, what it did not add and why. */
  'transfers.addBoxes': {
    ...changes(DEPARTMENT),
    input: addBoxesInput,
    result: result<{ added: number; alreadyIn: number; skipped: { label: string; reason: string }[] }>(),
  },
  'transfers.removeBoxes': { ...changes(DEPARTMENT), input: z.object({ id, boxIds: ids }).strict(), result: result<{ removed: number }>() },
  'transfers.validate': {
    ...changes(DEPARTMENT, { notUndoable: 'it records the check’s verdict (draft or ready), not an edit of the records' }),
    input: z.object({ id }).strict(),
    result: result<TransferValidation>(),
  },
  /** Freezes the manifest as the catalog stands now; refused while validation finds errors. Cannot be undone. */
  'transfers.send': {
    ...changes(DEPARTMENT, { notUndoable: 'sending freezes what was signed: undo stops there, and a later correction is an amendment' }),
    input: z
      .object({
        id,
        /** Why boxes already eligible for destruction go anyway; asked once per transfer, printed on the receipt. */
        eligibleReason: z.string().trim().max(2000).optional(),
      })
      .strict(),
    result: result<TransferSummary>(),
  },
  /**
   * Writes the bag to `<outDir>/<number>/` and `<outDir>/<number>.zip` as a job (default outDir: the workspace's
   * Transfers folder). A transfer not yet sent is packaged as a preview, named `<number>-DRAFT`.
   */
  'transfers.package': {
    ...changes(DEPARTMENT, { notUndoable: 'it writes the package files beside the catalog and changes nothing in it', outsideCatalog: true }),
    input: z.object({ id, outDir: z.string().trim().min(1).max(4096).optional() }).strict(),
    result: result<PackageStarted>(),
  },
  /** Adds electronic records to a draft transfer as a job (each file is read once for its checksum); undoable. */
  'transfers.addFiles': {
    ...changes(DEPARTMENT),
    input: z.object({ id, files: z.array(fileRefSchema).min(1, 'Choose at least one file').max(1000) }).strict(),
    result: result<{ jobId: string }>(),
  },
  'transfers.removeFiles': { ...changes(DEPARTMENT), input: z.object({ id, fileIds: ids }).strict(), result: result<{ removed: number }>() },
  /** Corrects a sent box or folder: the catalog takes the new value, an amendment records it; the manifest stays. */
  'transfers.amend': { ...changes(DEPARTMENT), input: amendInput, result: result<AmendResult>() },
  /** Writes the transfer's amendments as transmittal-amendments/1 JSON for the center (default: the Transfers folder). */
  'transfers.writeAmendments': {
    ...changes(DEPARTMENT, { notUndoable: 'it writes a file for the center and changes nothing in the catalog', outsideCatalog: true }),
    input: z.object({ id, outDir: z.string().trim().min(1).max(4096).optional() }).strict(),
    result: result<AmendmentsWritten>(),
  },
  /**
   * Box labels alone (the new boxes of a re-box, a torn label): the package's labels for the boxes given, or all,
   * written to the Transfers folder and offered for download. A draft's labels say DRAFT.
   */
  'transfers.printLabels': {
    ...changes(DEPARTMENT, { notUndoable: 'it writes a PDF beside the catalog and changes nothing in it', outsideCatalog: true }),
    input: z.object({ id, boxIds: ids.optional() }).strict(),
    result: result<{ path: string; boxes: number; download: DownloadOffer }>(),
  },
  /**
   * Takes in the records center's acknowledgment of a sent transfer (transmittal-acknowledgment/1): each box's
   * status, center number and location, the discrepancies, and the center's custody events. Refused, changing
   * nothing, unless it answers a transfer this catalog sent, by that manifest's fingerprint; the same file twice
   * changes nothing.
   */
  'acknowledgments.import': {
    ...changes(DEPARTMENT, { notUndoable: 'it records what the records center found: a fact from outside, kept like every custody event' }),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<AcknowledgmentImported>(),
  },
  /** The zip the last finished package job of this transfer wrote (this session), offered for download. */
  'transfers.packageFile': { ...reads(DEPARTMENT), input: z.object({ id }).strict(), result: result<DownloadOffer>() },
} as const;
