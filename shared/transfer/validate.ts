// What must be right before a transfer is sent, and what should be looked at. Errors block sending; warnings are
// shown and the person decides. Every message names the box by its label and the folder by number and title, in
// plain words, because the person reading it fixes it in the catalog, not in this code.
import type { Department, DispositionStatus, RecordsCenter } from '../domain/types';
import { identifierLabels, findPersonalIdentifiers } from './personal-identifiers';
import { isVagueTitle } from './vague-titles';
import { boxDisposition } from './box-disposition';

export interface ValidationFolder {
  id: number;
  position: number;
  title: string;
  fileCode: string;
  notes: string;
  scheduleItemId: number | null;
  itemNumber: string | null;
  seriesTitle: string | null;
  beginDate: string;
  endDate: string;
  confidential: boolean;
  dispositionDate: string | null;
  dispositionStatus: DispositionStatus;
}

export interface ValidationBox {
  id: number;
  label: string;
  folders: ValidationFolder[];
  /** Numbers of the other open (not yet accessioned) transfers that also hold this box. */
  otherOpenTransfers: string[];
}

export interface ValidationInput {
  department: Department;
  /** Null when the transfer's records center profile has been deleted. */
  recordsCenter: RecordsCenter | null;
  boxes: ValidationBox[];
  /** The day it would be sent (YYYY-MM-DD): a box already eligible for destruction by then is named. */
  today: string;
}

export type ValidationCode =
  | 'no-boxes'
  | 'no-records-center'
  | 'center-missing-address'
  | 'center-missing-retrieval-instructions'
  | 'center-missing-turnaround'
  | 'center-missing-turnaround-days'
  | 'center-missing-notice-days'
  | 'center-missing-services'
  | 'center-missing-loss-policy'
  | 'center-no-contact'
  | 'department-no-contact'
  | 'box-empty'
  | 'box-in-other-transfer'
  | 'folder-no-schedule-item'
  | 'folder-no-dates'
  | 'box-mixed-series'
  | 'box-confidential'
  | 'vague-title'
  | 'personal-identifier'
  | 'box-already-eligible';

export interface ValidationIssue {
  level: 'error' | 'warning';
  code: ValidationCode;
  message: string;
  boxId?: number;
  folderId?: number;
}

export interface TransferValidation {
  /** True when nothing blocks sending (warnings may remain). */
  valid: boolean;
  errors: number;
  warnings: number;
  /** Errors first, then warnings; each in box order. */
  issues: ValidationIssue[];
}

const PUBLIC_RECORD_NOTE = 'check before sending (transmittal forms can be public records)';

function quoted(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
}

const folderName = (box: ValidationBox, folder: ValidationFolder) => `Folder ${folder.position} ${quoted(folder.title)} in box ${box.label}`;

/**
 * The center's commitments the receipt prints. Only the center's own word is printed as its commitment, so each
 * must be in its profile: none has a default, and sending is refused while one is missing.
 */
const CENTER_FACTS: { missing: (center: RecordsCenter) => boolean; code: ValidationCode; words: string }[] = [
  { missing: (center) => center.address.trim() === '', code: 'center-missing-address', words: 'an address (where your records go)' },
  {
    missing: (center) => center.retrievalInstructions.trim() === '',
    code: 'center-missing-retrieval-instructions',
    words: 'retrieval instructions (how to get a box or folder back)',
  },
  { missing: (center) => center.turnaround.trim() === '', code: 'center-missing-turnaround', words: 'a turnaround (how fast records come back)' },
  { missing: (center) => center.turnaroundWorkingDays === null, code: 'center-missing-turnaround-days', words: 'a turnaround in working days' },
  { missing: (center) => center.dispositionNoticeDays === null, code: 'center-missing-notice-days', words: 'a notice period before destruction' },
  { missing: (center) => center.deliveryOptions.length === 0, code: 'center-missing-services', words: 'the services it offers (box or folder returned, copy or scan, review on site)' },
  { missing: (center) => center.lossPolicy.trim() === '', code: 'center-missing-loss-policy', words: 'what happens if a box is lost or damaged' },
  { missing: (center) => !center.contactPhone.trim() && !center.contactEmail.trim(), code: 'center-no-contact', words: 'a contact phone or email (who to call)' },
];

function profileIssues(input: ValidationInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const center = input.recordsCenter;
  if (!center) {
    issues.push({
      level: 'error',
      code: 'no-records-center',
      message: 'This transfer has no records center: its profile was deleted. Create a new transfer to a records center that exists.',
    });
  } else {
    for (const fact of CENTER_FACTS) {
      if (!fact.missing(center)) continue;
      issues.push({
        level: 'error',
        code: fact.code,
        message: `The receipt would promise ${fact.words} that ${center.name} has not given: add it to the center’s profile under Records Center.`,
      });
    }
  }
  if (!input.department.contactName.trim() || !input.department.contactEmail.trim()) {
    issues.push({
      level: 'error',
      code: 'department-no-contact',
      message:
        'Your department profile has no contact name or email. The receipt and the package name them so the center knows ' +
        'whom to ask: add them under Settings.',
    });
  }
  return issues;
}

/** When a series in this box can go: its latest disposition date, "permanent", or "after an event". */
function seriesDisposal(folders: ValidationFolder[]): string | null {
  if (folders.some((folder) => folder.dispositionStatus === 'permanent')) return 'permanent';
  const dates = folders.filter((folder) => folder.dispositionDate).map((folder) => folder.dispositionDate!);
  if (dates.length > 0) return dates.sort().at(-1)!;
  if (folders.some((folder) => folder.dispositionStatus === 'awaiting-event')) return 'after an event';
  return null;
}

/**
 * A box mixing series with different dates is refused, unless the records center says it accepts such boxes (it
 * then keeps the box until its latest date, which is the box's date anyway): then it is a warning.
 */
function mixedSeriesIssue(box: ValidationBox, center: RecordsCenter | null): ValidationIssue | null {
  const bySeries = new Map<number, ValidationFolder[]>();
  for (const folder of box.folders) {
    if (folder.scheduleItemId === null || folder.dispositionStatus === 'on-hold') continue;
    bySeries.set(folder.scheduleItemId, [...(bySeries.get(folder.scheduleItemId) ?? []), folder]);
  }
  const series = [...bySeries.values()]
    .map((folders) => ({ folder: folders[0], disposal: seriesDisposal(folders) }))
    .filter((each): each is { folder: ValidationFolder; disposal: string } => each.disposal !== null);
  if (new Set(series.map((each) => each.disposal)).size < 2) return null;
  const named = series.map(({ folder, disposal }) => `${folder.itemNumber ?? ''} ${folder.seriesTitle ?? ''}`.trim() + ` (${disposal})`);
  if (center?.acceptsMixedBoxes) {
    return {
      level: 'warning',
      code: 'box-mixed-series',
      boxId: box.id,
      message:
        `Box ${box.label} mixes series with different disposition dates: ${named.join(', ')}. ${center.name} accepts mixed ` +
        'boxes and keeps this one until its latest date; re-box it by date if the earlier records should go sooner.',
    };
  }
  return {
    level: 'error',
    code: 'box-mixed-series',
    boxId: box.id,
    message:
      `Box ${box.label} mixes series with different disposition dates: ${named.join(', ')}. A box is destroyed or ` +
      'kept as a whole: move the folders of one series to a box of their own (or use Re-box by date) before sending.',
  };
}

function boxIssues(box: ValidationBox, center: RecordsCenter | null): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (box.folders.length === 0) {
    issues.push({ level: 'error', code: 'box-empty', boxId: box.id, message: `Box ${box.label} has no folders listed. Describe what is in it before sending.` });
  }
  if (box.otherOpenTransfers.length > 0) {
    issues.push({
      level: 'error',
      code: 'box-in-other-transfer',
      boxId: box.id,
      message: `Box ${box.label} is also in transfer ${box.otherOpenTransfers.join(', ')}. A box can only go in one transfer: remove it from one of them.`,
    });
  }
  for (const folder of box.folders) {
    const name = folderName(box, folder);
    const where = { boxId: box.id, folderId: folder.id };
    if (folder.scheduleItemId === null) {
      issues.push({ level: 'error', code: 'folder-no-schedule-item', ...where, message: `${name} has no series (schedule item). Choose one so the center knows when it may be destroyed.` });
    }
    if (!folder.beginDate && !folder.endDate) {
      issues.push({ level: 'error', code: 'folder-no-dates', ...where, message: `${name} has no dates. Add at least a year (e.g. 2019).` });
    }
    if (isVagueTitle(folder.title)) {
      issues.push({ level: 'warning', code: 'vague-title', ...where, message: `${name} has a vague title: say what the records are so they can be found again.` });
    }
    // Everything about a folder that goes on the manifest, not only its title.
    for (const [field, text] of [['title', folder.title], ['file code', folder.fileCode], ['notes', folder.notes]] as const) {
      const identifiers = findPersonalIdentifiers(text);
      if (identifiers.length === 0) continue;
      const kinds = identifiers.map((kind) => identifierLabels[kind]).join(' or ');
      const what = field === 'title' ? ' looks' : field === 'notes' ? ' its notes look' : ` its ${field} looks`;
      issues.push({ level: 'warning', code: 'personal-identifier', ...where, message: `${name}:${what} like a personal identifier (${kinds}): ${PUBLIC_RECORD_NOTE}.` });
    }
  }
  const labelIdentifiers = findPersonalIdentifiers(box.label);
  if (labelIdentifiers.length > 0) {
    const kinds = labelIdentifiers.map((kind) => identifierLabels[kind]).join(' or ');
    issues.push({ level: 'warning', code: 'personal-identifier', boxId: box.id, message: `Box ${box.label}: its label looks like a personal identifier (${kinds}): ${PUBLIC_RECORD_NOTE}.` });
  }
  const mixed = mixedSeriesIssue(box, center);
  if (mixed) issues.push(mixed);
  const confidential = box.folders.filter((folder) => folder.confidential).length;
  if (confidential > 0) {
    issues.push({
      level: 'warning',
      code: 'box-confidential',
      boxId: box.id,
      message: `Box ${box.label} holds ${confidential === 1 ? '1 confidential folder' : `${confidential} confidential folders`}: it is marked confidential on the manifest and its label, and is destroyed securely.`,
    });
  }
  return issues;
}

/** A box whose records may already be destroyed should not be stored at all: say so before it is sent. */
function alreadyEligibleIssue(box: ValidationBox, today: string): ValidationIssue | null {
  const { date } = boxDisposition(box.folders);
  if (date === null || date > today) return null;
  return {
    level: 'warning',
    code: 'box-already-eligible',
    boxId: box.id,
    message: `Box ${box.label}: eligible for destruction since ${date} — destroy it under your schedule instead of storing it, or say why it goes.`,
  };
}

/** The codes of warnings that sending asks a reason for, once per transfer. */
export const WARNINGS_NEEDING_A_REASON: ValidationCode[] = ['box-already-eligible'];

export function validateTransfer(input: ValidationInput): TransferValidation {
  const all: ValidationIssue[] = [...profileIssues(input)];
  if (input.boxes.length === 0) {
    all.push({ level: 'error', code: 'no-boxes', message: 'This transfer has no boxes yet. Add the boxes you are sending.' });
  }
  for (const box of input.boxes) {
    all.push(...boxIssues(box, input.recordsCenter));
    const eligible = alreadyEligibleIssue(box, input.today);
    if (eligible) all.push(eligible);
  }
  const issues = [...all.filter((issue) => issue.level === 'error'), ...all.filter((issue) => issue.level === 'warning')];
  const errors = issues.filter((issue) => issue.level === 'error').length;
  return { valid: errors === 0, errors, warnings: issues.length - errors, issues };
}
