// A records center's holdings: taking in transfers as accessions, checking boxes in, shelving them, acknowledging
// back, and searching everything held. Only a records center's catalog offers these calls. The changes are recorded
// (the change log, custody events) but not undoable: what was received and found is what happened.
// The map is spread into the one API contract (./contract.ts).
import { z } from 'zod';
import type { AccessionStatus, HoldingBoxStatus } from '../center/holdings';
import { MAX_LOCATIONS_AT_ONCE } from '../center/locations';
import type { DiscrepancyKind } from '../exchange/acknowledgment';
import { changes, id, none, reads, result, type Role } from './contract-kit';
import type { Page } from './contract-catalog';
import { fileRefSchema, type DownloadOffer } from './file-ref';
import { inventoryMappingSchema } from '../import/import-model';

export type { AccessionStatus, HoldingBoxStatus } from '../center/holdings';

export const RECORDS_CENTER = ['records-center'] as const satisfies readonly Role[];

const RECORDED_NOT_UNDONE = 'what the center received and found is recorded as it happened (with custody events); a mistake is corrected by a new entry, never by erasing one';

export interface CenterDepartment {
  id: number;
  name: string;
  code: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export interface AccessionSummary {
  id: number;
  accessionNumber: string;
  transferNumber: string;
  department: CenterDepartment;
  status: AccessionStatus;
  manifestFingerprint: string;
  /** 'package': a verified transfer package; 'manifest': a manifest.json alone (no bag to check it against). */
  source: 'package' | 'manifest';
  sourceName: string;
  receivedAt: string;
  receivedBy: string;
  accessionedAt: string | null;
  acknowledgedAt: string | null;
  totals: { boxes: number; folders: number; cubicFeet: number; expected: number; received: number; damaged: number; missing: number; extra: number };
}

export interface HoldingBox {
  id: number;
  /** Box n of N on the manifest; null for an extra box. */
  sequence: number | null;
  /** The manifest's box id, printed as the label's barcode; null for an extra box. */
  boxCode: string | null;
  /** The department's label as sent (for an extra box: what was written on it, as the center read it). */
  label: string;
  cubicFeet: number;
  itemNumbers: string[];
  dateFrom: string | null;
  dateTo: string | null;
  dispositionDate: string | null;
  dispositionWaitsFor: string | null;
  confidential: boolean;
  folders: number;
  status: HoldingBoxStatus;
  note: string;
  checkedInAt: string | null;
  checkedInBy: string | null;
  centerBoxNumber: string | null;
  locationId: number | null;
  /** "Building A / Row 3 / Bay 2 / Shelf 4 / Position 1"; null until shelved. */
  location: string | null;
}

export interface RecordedDiscrepancy {
  id: number;
  kind: DiscrepancyKind;
  holdingBoxId: number | null;
  boxSequence: number | null;
  folderPosition: number | null;
  description: string;
  recordedAt: string;
  recordedBy: string;
}

export interface HoldingEvent {
  id: number;
  holdingBoxId: number;
  boxSequence: number | null;
  kind: string;
  at: string;
  actor: string;
  detail: Record<string, unknown>;
}

/** A correction the department sent after the transfer (transmittal-amendments/1), as the center received it. */
export interface ReceivedAmendment {
  /** The department's number for it. */
  amendmentId: number;
  boxSequence: number;
  /** The box's label and the folder's title as the manifest lists them. */
  boxLabel: string;
  folderPosition: number | null;
  folderTitle: string | null;
  field: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
  reason: string;
  /** When and by whom the department made it. */
  at: string;
  actor: string;
  receivedAt: string;
  receivedBy: string;
  /** Null when it was not applied: `conflict` says why (the center's value had changed). */
  appliedAt: string | null;
  conflict: string | null;
}

export interface AccessionDetail extends AccessionSummary {
  boxes: HoldingBox[];
  discrepancies: RecordedDiscrepancy[];
  /** Custody events of the accession's boxes, oldest first. */
  timeline: HoldingEvent[];
  /** The department's corrections received since, in its order. */
  amendments: ReceivedAmendment[];
}

export interface AmendmentsIntakeResult {
  accessionNumber: string;
  /** Corrections applied now. */
  applied: number;
  /** Corrections in the file that were received before (applied then, or kept as conflicts): nothing is done again. */
  alreadyApplied: number;
  /** Corrections not applied now because the center's value is no longer the one they correct; each is a discrepancy. */
  conflicts: { amendmentId: number; message: string }[];
  message: string;
}

export interface IntakeResult {
  accession: AccessionSummary;
  /** Warnings of the package check (BagIt allows them), or what a manifest alone could not prove. */
  warnings: string[];
}

export interface CheckInOutcome {
  /** What was scanned or typed. */
  box: string;
  holdingBoxId: number;
  sequence: number | null;
  status: HoldingBoxStatus;
  /** False when the box was already checked in with this status: nothing was recorded again. */
  changed: boolean;
  message: string;
}

export interface CheckInResult {
  accessionNumber: string;
  outcomes: CheckInOutcome[];
  discrepanciesRecorded: number;
  /** Listed boxes nobody has checked in yet. */
  stillExpected: number;
}

export interface LocationRow {
  id: number;
  building: string;
  room: string;
  row: string;
  bay: string;
  shelf: string;
  position: string;
  words: string;
  capacityCubicFeet: number;
  /** The box shelved here, or null when free. */
  box: { id: number; centerBoxNumber: string | null; accessionNumber: string; label: string; cubicFeet: number } | null;
}

export interface LocationList extends Page<LocationRow> {
  totals: { positions: number; used: number; free: number; capacityCubicFeet: number; usedCubicFeet: number };
}

export interface LocationSuggestion {
  holdingBoxId: number;
  sequence: number | null;
  label: string;
  cubicFeet: number;
  /** The next free position the box fits; null when none is left (add locations first). */
  location: { id: number; words: string } | null;
}

export interface AcknowledgmentWritten {
  /** `<outDir>/<transfer number>-acknowledgment.json`. */
  path: string;
  /** The acknowledgment receipt beside it (`…-acknowledgment.pdf`), for both sides to keep. */
  pdfPath: string;
  /** SHA-256 of the acknowledgment's canonical form. */
  fingerprint: string;
  download: DownloadOffer;
  pdfDownload: DownloadOffer;
}

export interface HoldingFolderHit {
  folderId: number;
  position: number;
  title: string;
  fileCode: string;
  itemNumber: string | null;
  beginDate: string;
  endDate: string;
  dispositionDate: string | null;
  holdingBoxId: number;
  boxCode: string | null;
  boxLabel: string;
  boxStatus: HoldingBoxStatus;
  centerBoxNumber: string | null;
  location: string | null;
  accessionId: number;
  accessionNumber: string;
  transferNumber: string;
  departmentName: string;
  /** Carried out under a certificate: the box was destroyed or transferred to the archives (its record stays). */
  disposed: { action: 'destroyed' | 'transferred-to-archives'; at: string; certificateNumber: string | null } | null;
}

const text = (max: number) => z.string().trim().max(max);
const boxRef = z.union([z.string().trim().min(1, 'Scan or type the box barcode or its number').max(200), z.number().int().min(1)]);
const range = z
  .object({ from: z.number().int().min(0).max(9999), to: z.number().int().min(0).max(9999) })
  .strict()
  .refine((value) => value.from <= value.to, { message: 'A range runs from the lower number to the higher' });

export const checkInSchema = z
  .object({
    accessionId: id,
    boxes: z
      .array(
        z
          .object({
            /** The barcode (the manifest's box id, e.g. "PW-2026-003-001") or the box's sequence number. */
            box: boxRef,
            status: z.enum(['received', 'damaged', 'missing']),
            note: text(2000).default(''),
          })
          .strict()
          .refine((entry) => entry.status !== 'damaged' || entry.note !== '', { message: 'Say how the box is damaged', path: ['note'] }),
      )
      .max(100_000)
      .default([]),
    /** Boxes that came but are not on the manifest, each described as the center reads it. */
    extra: z
      .array(z.object({ description: text(500).min(1, 'Describe the extra box (what is written on it)'), cubicFeet: z.number().min(0).max(100).default(0), note: text(2000).default('') }).strict())
      .max(10_000)
      .default([]),
  })
  .strict()
  .refine((input) => input.boxes.length + input.extra.length > 0, { message: 'Give at least one box to check in' });
export type CheckInInput = z.output<typeof checkInSchema>;

export const addLocationsSchema = z
  .object({
    building: text(60).min(1, 'Name the building'),
    room: text(60).default(''),
    rows: range,
    bays: range,
    shelves: range,
    positionsPerShelf: z.number().int().min(1).max(100),
    capacityCubicFeet: z.number().positive().max(1000),
  })
  .strict()
  .refine(
    (input) => (input.rows.to - input.rows.from + 1) * (input.bays.to - input.bays.from + 1) * (input.shelves.to - input.shelves.from + 1) * input.positionsPerShelf <= MAX_LOCATIONS_AT_ONCE,
    { message: `That range makes more than ${MAX_LOCATIONS_AT_ONCE.toLocaleString('en-US')} positions: set it up in parts` },
  );
export type AddLocationsInput = z.output<typeof addLocationsSchema>;

export const centerSearchSchema = z
  .object({
    /** Any words of a folder's title, file code or notes, or its box's label. */
    query: text(200).default(''),
    departmentId: id.optional(),
    /** A box barcode (the manifest's box id), exactly. */
    boxCode: text(200).optional(),
    accessionNumber: text(100).optional(),
    /** Part of a location in words ("Building A / Row 3"). */
    location: text(200).optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type CenterSearchInput = z.output<typeof centerSearchSchema>;

/** Positions set up now, and those listed that were set up before (kept as they are, capacity and all). */
export interface LocationsAdded {
  added: number;
  alreadyThere: number;
}

const LAYOUT_ADDED_ONCE = 'shelf positions are the center’s layout, added once; positions already there are kept as they are';

export interface CenterSettings {
  /** How accession numbers are made: {DEPT} the department's code, {YYYY} the year, {NNNN} the running number. */
  accessionNumberPattern: string;
  /** The next number for a department PW, as an example ("PW-2026-0042"). */
  example: string;
  /** The center's stated notice period: the days a department has to answer a disposition notice (90 unless set). */
  noticeDays: number;
}

const folderDiscrepancyInput = z
  .object({
    accessionId: id,
    holdingBoxId: id,
    /** The folder's number on the list; null for a folder in the box that the list does not name. */
    folderPosition: z.number().int().min(1).nullable(),
    kind: z.enum(['folder-missing', 'folder-extra', 'folder-different']),
    description: z.string().trim().max(2000).default(''),
  })
  .strict();

export const centerContract = {
  /** A folder listed but not there, there but not listed, or not as listed: recorded as found, sent back. */
  'center.recordFolderDiscrepancy': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED_NOT_UNDONE }),
    input: folderDiscrepancyInput,
    result: result<RecordedDiscrepancy>(),
  },
  'center.settings': { ...reads(RECORDS_CENTER), input: none, result: result<CenterSettings>() },
  /** A new accession number pattern, for the next intakes (numbers already given keep their form). */
  'center.setAccessionPattern': {
    ...changes(RECORDS_CENTER, { notUndoable: 'a setting of the center recorded with its change, like every center change' }),
    input: z.object({ pattern: z.string().trim().min(1, 'Give the pattern, e.g. {DEPT}-{YYYY}-{NNNN}').max(100) }).strict(),
    result: result<CenterSettings>(),
  },
  /** The center's notice period for disposition notices written from now on (notices already sent keep their day). */
  'center.setNoticeDays': {
    ...changes(RECORDS_CENTER, { notUndoable: 'a setting of the center recorded with its change, like every center change' }),
    input: z.object({ days: z.number().int('Give the notice period in whole days').min(1, 'A notice period is at least 1 day').max(3650, 'A notice period is at most 3650 days (ten years)') }).strict(),
    result: result<CenterSettings>(),
  },
  /**
   * Takes in a transfer package (folder or .zip, verified first: a package that fails changes nothing) or a
   * manifest.json alone, as a new accession with its department, boxes and folders exactly as sent.
   */
  'center.intake': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED_NOT_UNDONE }),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<IntakeResult>(),
  },
  /**
   * Takes in a plain box list (.xlsx, .xls, .ods or .csv) from a department that does not use Transmittal: read as
   * the import reads it (the suggested mapping of the likeliest sheet unless given), transcribed into a manifest,
   * and taken in as a new accession for that department. A row the import cannot read refuses the whole list.
   */
  'center.intakeBoxList': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED_NOT_UNDONE }),
    input: z
      .object({
        file: fileRefSchema,
        department: z.object({ name: text(200).min(1, 'Name the department the box list comes from'), code: text(40).default('') }).strict(),
        sheet: z.string().max(400).optional(),
        mapping: inventoryMappingSchema.optional(),
        /** The department's number for this transfer; by default the next `<code>-BL-<year>-<NNN>`. */
        transferNumber: text(100).min(1, 'Give the transfer number, or leave it out').optional(),
      })
      .strict(),
    result: result<IntakeResult>(),
  },
  'center.departments': { ...reads(RECORDS_CENTER), input: none, result: result<CenterDepartment[]>() },
  'center.accessions': {
    ...reads(RECORDS_CENTER),
    input: z.object({ departmentId: id.optional() }).strict(),
    result: result<AccessionSummary[]>(),
  },
  'center.accession.get': { ...reads(RECORDS_CENTER), input: z.object({ id }).strict(), result: result<AccessionDetail>() },
  /** Box by box: received, damaged (with a note) or missing; extra boxes with a description. Re-scanning changes nothing. */
  'center.checkIn': { ...changes(RECORDS_CENTER, { notUndoable: RECORDED_NOT_UNDONE }), input: checkInSchema, result: result<CheckInResult>() },
  /** Sets up shelf positions in bulk: every row, bay and shelf of the ranges, with so many positions a shelf. */
  'center.addLocations': {
    ...changes(RECORDS_CENTER, { notUndoable: LAYOUT_ADDED_ONCE }),
    input: addLocationsSchema,
    result: result<LocationsAdded>(),
  },
  /**
   * Sets up the shelf positions a spreadsheet (.xlsx, .xls, .ods or .csv) lists, one a row under headings Building,
   * Room, Row, Bay, Shelf, Position and Capacity (cubic feet). All or nothing: a bad row or a position listed twice
   * refuses the file, naming the rows.
   */
  'center.importLocations': {
    ...changes(RECORDS_CENTER, { notUndoable: LAYOUT_ADDED_ONCE }),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<LocationsAdded>(),
  },
  'center.locations': {
    ...reads(RECORDS_CENTER),
    input: z
      .object({ freeOnly: z.boolean().default(false), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) })
      .strict(),
    result: result<LocationList>(),
  },
  /** The next free positions, in address order, for the accession's boxes on hand that are not shelved yet. */
  'center.suggestLocations': { ...reads(RECORDS_CENTER), input: z.object({ accessionId: id }).strict(), result: result<LocationSuggestion[]>() },
  /**
   * Numbers and shelves the boxes on hand (each gets the center's next box number) and marks the accession
   * accessioned. Every listed box must be checked in first. Locations: 'auto' takes the suggestions.
   */
  'center.accession': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED_NOT_UNDONE }),
    input: z
      .object({
        accessionId: id,
        locations: z.union([z.literal('auto'), z.array(z.object({ holdingBoxId: id, locationId: id }).strict()).max(100_000)]).default('auto'),
      })
      .strict(),
    result: result<AccessionDetail>(),
  },
  /** Writes `<outDir>/<transfer number>-acknowledgment.json` (default: the workspace's Acknowledgments folder). */
  'center.acknowledge': {
    ...changes(RECORDS_CENTER, { notUndoable: 'it writes the acknowledgment sent back and records when it was sent' }),
    input: z.object({ accessionId: id, outDir: z.string().trim().min(1).max(4096).optional() }).strict(),
    result: result<AcknowledgmentWritten>(),
  },
  'center.search': { ...reads(RECORDS_CENTER), input: centerSearchSchema, result: result<Page<HoldingFolderHit>>() },
  /**
   * Takes in a department's `<transfer>-amendments.json` for a transfer taken in: applies the corrections not yet
   * received, each only where the center's value is still the one it corrects (otherwise a conflict, recorded as a
   * discrepancy). The manifest kept stays as received; the same file twice changes nothing.
   */
  'center.intakeAmendments': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED_NOT_UNDONE }),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<AmendmentsIntakeResult>(),
  },
} as const;
