// Disposition without fear, on both sides, and legal holds. A records center lists what is due in a period, writes
// one notice per department, takes in the department's signed answer, and destroys or transfers only what was
// approved and is not held, writing a certificate back. A department takes the notice in, answers it box by box,
// takes the certificate in, places and lifts legal holds and sends them to the center. Nothing here is undone:
// what was noticed, answered, held and destroyed is recorded as it happened. Exchange files:
// shared/exchange/disposition.ts. The map is spread into the one API contract (./contract.ts).
import { z } from 'zod';
import type { DispositionAnswer, ExecutedAction, HoldScope, ProposedAction } from '../exchange/disposition';
import { dispositionAnswers, holdScopeSchema } from '../exchange/disposition';
import { RECORDS_CENTER } from './contract-center';
import { changes, DEPARTMENT, id, reads, result, ROLES } from './contract-kit';
import { fileRefSchema, type DownloadOffer } from './file-ref';

const RECORDED = 'disposition and holds are recorded as they happened (with custody events); a mistake is corrected by a new entry, never by erasing one';
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD');
const words = (max: number) => z.string().trim().max(max);
const outDir = z.string().trim().min(1).max(4096).optional();

/** A box as a disposition list shows it: the department's words and the center's numbers. */
export interface DispositionBox {
  /** A holding box at the center; the department's own box in its catalog. */
  boxId: number;
  boxCode: string;
  boxLabel: string;
  accessionNumber: string;
  transferNumber: string;
  centerBoxNumber: string | null;
  location: string | null;
  dispositionDate: string;
  itemNumbers: string[];
  folders: number;
  confidential: boolean;
  action: ProposedAction;
}

export interface DueDepartment {
  department: { id: number; name: string; code: string };
  /** Boxes to destroy (securely when confidential). */
  boxes: DispositionBox[];
  /** Boxes of permanent series: to transfer to the archives. */
  archives: DispositionBox[];
}

export interface DueList {
  period: { from: string; to: string };
  departments: DueDepartment[];
  /** Due in the period but left out, each with why: on legal hold, checked out, an open retrieval, already on a notice. */
  leftOut: (DispositionBox & { department: string; reason: string })[];
}

export interface NoticeSummary {
  id: number;
  number: string;
  department: string;
  centerName: string;
  issuedAt: string;
  respondBy: string;
  /** Days left to answer (negative once past); the department's catalog shows it as a countdown. */
  daysLeft: number;
  boxes: number;
  approved: number;
  refused: number;
  extended: number;
  unanswered: number;
  executed: number;
  /** "Answer due in 12 days", "No answer by 2027-03-02: ask again — nothing is destroyed without approval", "Answered" … */
  state: string;
}

export interface NoticeBoxDetail extends DispositionBox {
  answer: DispositionAnswer | null;
  reason: string;
  reviewDate: string | null;
  extendTo: string | null;
  executed: ExecutedAction | null;
  executedAt: string | null;
  /** A hold covering the box now (its name), or null. */
  heldBy: string | null;
  /** Whether the center may carry it out now (approved, not held, not yet done), and if not, why. */
  canExecute: boolean;
  whyNot: string | null;
}

export interface NoticeDetail extends NoticeSummary {
  fingerprint: string;
  period: { from: string; to: string };
  meaning: string;
  noticeBoxes: NoticeBoxDetail[];
  responses: { fingerprint: string; signedName: string; signedTitle: string; respondedAt: string }[];
  certificates: { id: number; number: string; fingerprint: string; issuedAt: string }[];
}

export interface FilesWritten {
  path: string;
  pdfPath: string;
  fingerprint: string;
  download: DownloadOffer;
  pdfDownload: DownloadOffer;
  message: string;
}

export interface TakenIn {
  kind: 'notice' | 'response' | 'certificate' | 'hold' | 'hold-acknowledgment';
  /** The notice (or hold) it concerns, in this catalog. */
  id: number;
  number: string;
  alreadyImported: boolean;
  message: string;
}

export interface HoldSummary {
  id: number;
  number: string;
  name: string;
  matter: string;
  requestedBy: string;
  origin: 'department' | 'center' | 'department-file';
  placedAt: string;
  placedBy: string;
  liftedAt: string | null;
  liftReason: string | null;
  boxes: number;
  folders: number;
  /**
   * A department's own hold: its latest file written for the records center (what it said, when), and when the center
   * took it in by its acknowledgment (null until that is taken in); null when no file was written (and at a center).
   */
  latestFile: { state: 'in-force' | 'lifted'; writtenAt: string; center: string; acknowledgedAt: string | null } | null;
}

/** A hold file a department wrote for the records center, and the center's acknowledgment of it when taken in. */
export interface HoldFileSent {
  fingerprint: string;
  state: 'in-force' | 'lifted';
  /** Whole boxes and single folders the file named. */
  boxes: number;
  folders: number;
  center: string;
  writtenAt: string;
  writtenBy: string;
  acknowledged: {
    fingerprint: string;
    /** The number the center keeps the hold under. */
    centerNumber: string;
    takenInAt: string;
    takenInBy: string;
    /** Whole boxes and single folders the center holds under it (none once lifted). */
    boxes: number;
    folders: number;
    /** When this catalog took the acknowledgment in. */
    recordedAt: string;
  } | null;
}

export interface HoldDetail extends HoldSummary {
  scope: HoldScope;
  /** A department's own hold: the files written for the center, newest first (empty at a center). */
  filesSent: HoldFileSent[];
  /** At a center, a department's hold: when its latest file was taken in and by whom (null otherwise). */
  takenIn: { at: string; by: string } | null;
  /** Everything it covers, the department's words: "Box PW-3 (whole box)", "Folder 2 “Elm Street permits” in box PW-1". */
  covers: { boxId: number; boxLabel: string; folderId: number | null; folderPosition: number | null; title: string | null }[];
}

export interface HoldPreview {
  boxes: number;
  folders: number;
  /** The first covered items, for the person to check before placing it. */
  sample: HoldDetail['covers'];
}

export interface PaperworkRow {
  kind: 'manifest' | 'acknowledgment' | 'notice' | 'response' | 'certificate' | 'hold' | 'hold-acknowledgment' | 'retrieval-request' | 'retrieval-update';
  number: string;
  fingerprint: string;
  /** Whom and what it concerns, in words ("Transfer PW-2026-001, 3 boxes"). */
  about: string;
  at: string;
  /** Kept until (the paperwork period after the last destruction it records); null while its records exist. */
  keepUntil: string | null;
}

/** Each kind of paperwork in words, as the Paperwork kept panel and `transmittal paperwork list` name it. */
export const paperworkKindWords: Record<PaperworkRow['kind'], string> = {
  manifest: 'Manifest',
  acknowledgment: 'Acknowledgment',
  notice: 'Disposition notice',
  response: 'Response',
  certificate: 'Certificate',
  hold: 'Legal hold',
  'retrieval-request': 'Retrieval request',
  'retrieval-update': 'Retrieval update',
  'hold-acknowledgment': 'Hold acknowledgment',
};

const answerInput = z
  .object({
    boxId: id,
    answer: z.enum(dispositionAnswers),
    reason: words(2000).default(''),
    reviewDate: isoDate.optional(),
    extendTo: isoDate.optional(),
  })
  .strict();

export const dispositionContract = {
  // The records center.
  /** Every box whose disposition date falls in the period, by department; permanent ones to the archives; the left-out ones with why. */
  'center.disposition.due': {
    ...reads(RECORDS_CENTER),
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    result: result<DueList>(),
  },
  /**
   * Writes one department's notice for the period (JSON + PDF), with the answer due after the center's notice period
   * (its setting, center.settings noticeDays; `noticeDays` given here states another period for this notice only).
   */
  'center.disposition.notice': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED }),
    input: z.object({ departmentId: id, from: isoDate, to: isoDate, noticeDays: z.number().int().min(1).max(3650).optional(), outDir }).strict(),
    result: result<FilesWritten & { id: number; number: string; respondBy: string; boxes: number }>(),
  },
  /** Carries out the approved, unheld boxes of a notice (all of them, or those named) and writes the certificate (JSON + PDF). */
  'center.disposition.execute': {
    ...changes(RECORDS_CENTER, { notUndoable: RECORDED }),
    input: z
      .object({
        noticeId: id,
        boxIds: z.array(id).max(10_000).optional(),
        method: words(400).min(1, 'Say how the records were destroyed (e.g. cross-cut shredding)'),
        witness: words(200).min(1, 'Name the witness'),
        date: isoDate.optional(),
        outDir,
      })
      .strict(),
    result: result<FilesWritten & { certificateId: number; number: string; boxes: number }>(),
  },

  // A department.
  /** Answers a notice box by box (or every box at once), signed by name and title, and writes the response (JSON + PDF). */
  'disposition.respond': {
    ...changes(DEPARTMENT, { notUndoable: RECORDED }),
    input: z
      .object({
        noticeId: id,
        answers: z.array(answerInput).max(10_000).default([]),
        /** The same answer for every box not named in `answers`. */
        all: answerInput.omit({ boxId: true }).optional(),
        signedName: words(200).min(1, 'Sign with your name'),
        signedTitle: words(200).min(1, 'Give your title'),
        outDir,
      })
      .strict(),
    result: result<FilesWritten>(),
  },

  // Both sides.
  /** Takes in a disposition file: a department takes in a notice or a certificate; a center a response or a department's legal hold. */
  'disposition.import': {
    ...changes(ROLES, { notUndoable: RECORDED }),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<TakenIn>(),
  },
  'disposition.notices': {
    ...reads(),
    input: z.object({ show: z.enum(['open', 'all']).default('open') }).strict(),
    result: result<NoticeSummary[]>(),
  },
  'disposition.get': { ...reads(), input: z.object({ id }).strict(), result: result<NoticeDetail>() },
  'holds.list': { ...reads(), input: z.object({ show: z.enum(['active', 'all']).default('active') }).strict(), result: result<HoldSummary[]>() },
  'holds.get': { ...reads(), input: z.object({ id }).strict(), result: result<HoldDetail>() },
  /** What a hold with this scope would cover, before it is placed. */
  'holds.preview': { ...reads(), input: z.object({ scope: holdScopeSchema }).strict(), result: result<HoldPreview>() },
  /** Places a hold: its folders and boxes are held at once (never on a notice, never destroyed) until it is lifted. */
  'holds.create': {
    ...changes(ROLES, { notUndoable: RECORDED }),
    input: z
      .object({
        name: words(200).min(1, 'Name the hold'),
        matter: words(400).default(''),
        requestedBy: words(200).default(''),
        scope: holdScopeSchema,
      })
      .strict(),
    result: result<HoldDetail>(),
  },
  /** Lifts a hold, with the reason; what another hold still covers stays held. */
  'holds.lift': {
    ...changes(ROLES, { notUndoable: RECORDED }),
    input: z.object({ id, reason: words(2000).min(1, 'Say why the hold is lifted') }).strict(),
    result: result<HoldDetail>(),
  },
  /** A department's hold as a file for the records center (what of it is at the center); the file is recorded by its seal. */
  'holds.write': {
    ...changes(DEPARTMENT, { notUndoable: RECORDED }),
    input: z.object({ id, outDir }).strict(),
    result: result<{ path: string; fingerprint: string; download: DownloadOffer; items: number; message: string }>(),
  },
  /** At a center, a department's hold taken in from its file: the acknowledgment to send back (what is held under it here). */
  'holds.acknowledge': {
    ...changes(RECORDS_CENTER, { notUndoable: 'it writes a file for the department and changes nothing in the catalog', outsideCatalog: true }),
    input: z.object({ id, outDir }).strict(),
    result: result<{ path: string; fingerprint: string; download: DownloadOffer; items: number; message: string }>(),
  },
  /** Every exchange document kept, searchable by number, box label or words; kept past destruction for the paperwork period. */
  'paperwork.list': {
    ...reads(),
    input: z.object({ query: words(200).default(''), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    result: result<{ years: number; rows: PaperworkRow[] }>(),
  },
  'paperwork.setYears': {
    ...changes(ROLES, { notUndoable: 'a setting recorded with its change, like the center’s accession pattern' }),
    input: z.object({ years: z.number().int().min(1).max(100) }).strict(),
    result: result<{ years: number }>(),
  },
} as const;
