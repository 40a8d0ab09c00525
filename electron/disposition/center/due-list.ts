// Which boxes a records center may put on a notice for a period, and why the others due in it are left out. A box
// goes as a whole: its disposition date is the latest of its folders'. A box of a permanent series goes to the
// archives as soon as it is on hand; one whose folders wait (a hold, an event not yet recorded) is left out, saying why.
import type { DispositionBox, DueDepartment, DueList } from '../../../shared/api/contract-disposition';
import type { ProposedAction } from '../../../shared/exchange/disposition';
import type { ManifestScheduleItem } from '../../../shared/exchange/manifest';
import { dispositionWaitText, type DispositionWait } from '../../../shared/transfer/box-disposition';
import type { CatalogContext } from '../../catalog/context';
import { boxesOnHand, boxFacts, locationOf, scheduleItemsReader, type CandidateBoxRow, type NoticeBoxRow } from './disposition-store';

export type Classified =
  | { kind: 'due'; row: CandidateBoxRow; box: DispositionBox }
  | { kind: 'left-out'; row: CandidateBoxRow; box: DispositionBox; reason: string };

function itemNumbersOf(row: CandidateBoxRow): string[] {
  try {
    const parsed = JSON.parse(row.item_numbers) as unknown;
    return Array.isArray(parsed) ? parsed.filter((each): each is string => typeof each === 'string') : [];
  } catch {
    return [];
  }
}

function dispositionBox(row: CandidateBoxRow, dispositionDate: string, action: ProposedAction): DispositionBox {
  return {
    boxId: row.id,
    boxCode: row.box_code ?? '',
    boxLabel: row.label,
    accessionNumber: row.accession_number,
    transferNumber: row.transfer_number,
    centerBoxNumber: row.center_box_number === null ? null : String(row.center_box_number),
    location: locationOf(row),
    dispositionDate,
    itemNumbers: itemNumbersOf(row),
    folders: row.folders,
    confidential: row.confidential === 1,
    action,
  };
}

/**
 * Whether the box's series go to the archives. A permanent series with disposition "archives" does; so does a dated
 * series whose disposition is "archives" (kept a while by the department, then transferred).
 */
function goesToArchives(row: CandidateBoxRow, items: Map<string, ManifestScheduleItem>): boolean {
  return itemNumbersOf(row).some((number) => items.get(number)?.disposition === 'archives');
}

/** The box's date and proposed action if it falls due in the period (or is waiting in it), else null. */
function dueInPeriod(
  row: CandidateBoxRow,
  items: Map<string, ManifestScheduleItem>,
  from: string,
  to: string,
): { date: string; action: ProposedAction; waits: string | null } | null {
  const archives = goesToArchives(row, items);
  const action: ProposedAction = archives ? 'transfer-to-archives' : row.confidential === 1 ? 'secure-destroy' : 'destroy';
  if (row.disposition_date !== null) {
    return row.disposition_date >= from && row.disposition_date <= to ? { date: row.disposition_date, action, waits: null } : null;
  }
  if (row.disposition_waits_for === 'permanent') {
    // A permanent box has no date: it may go to the archives from the day the center holds it, and is listed in
    // every period until it has gone. A permanent series the department keeps itself is never listed.
    if (!archives) return null;
    const held = (row.checked_in_at ?? row.received_at).slice(0, 10);
    return held <= to ? { date: held, action, waits: null } : null;
  }
  // Waiting (a folder on hold, an event not yet recorded): listed as left out when its dated folders fall due now.
  const date = row.latest_folder_date;
  if (date === null || date < from || date > to) return null;
  const wait = row.disposition_waits_for as DispositionWait | null;
  const words = wait !== null && wait in dispositionWaitText ? dispositionWaitText[wait] : `waits: ${row.disposition_waits_for ?? 'a folder has no date'}`;
  return { date, action, waits: wait === 'on-hold' ? 'under a legal hold: a folder was on legal hold when the department sent it' : words };
}

/** Why a box on an earlier notice is not due again now, or null when it may be noticed again. */
function noticeReason(context: CatalogContext, row: NoticeBoxRow | undefined, to: string): string | null {
  if (!row) return null;
  // Past its deadline with no answer, the box may go on a new notice: that is how the center asks again (no answer
  // is never approval, and the first notice's box stays unanswered there).
  if (row.answer === null) return row.respond_by < context.now().slice(0, 10) ? null : `already on notice ${row.number}, answer due by ${row.respond_by}`;
  if (row.answer === 'approve') return `approved on notice ${row.number}, waiting to be carried out`;
  if (row.answer === 'refuse' && row.review_date !== null && row.review_date > to) {
    return `refused on notice ${row.number} (${row.reason}): to be reviewed again from ${row.review_date}`;
  }
  if (row.answer === 'extend' && row.extend_to !== null && row.extend_to > to) {
    return `more time asked on notice ${row.number}, until ${row.extend_to}`;
  }
  return null;
}

/** Every box on hand due in the period, classified; destroyed and transferred boxes are gone from it. */
export function classifyBoxes(context: CatalogContext, from: string, to: string, departmentId?: number): Classified[] {
  const itemsOf = scheduleItemsReader(context);
  const facts = boxFacts(context);
  const classified: Classified[] = [];
  for (const row of boxesOnHand(context, { from, to, departmentId })) {
    const due = dueInPeriod(row, itemsOf(row.accession_id), from, to);
    if (due === null || facts.disposed.has(row.id)) continue;
    const box = dispositionBox(row, due.date, due.action);
    const reason = facts.hold(row.id) ?? due.waits ?? facts.retrieval.get(row.id) ?? noticeReason(context, facts.latestNotice.get(row.id), to);
    classified.push(reason === null ? { kind: 'due', row, box } : { kind: 'left-out', row, box, reason });
  }
  return classified;
}

export function buildDueList(context: CatalogContext, from: string, to: string): DueList {
  const departments = new Map<number, DueDepartment>();
  const leftOut: DueList['leftOut'] = [];
  for (const each of classifyBoxes(context, from, to)) {
    if (each.kind === 'left-out') {
      leftOut.push({ ...each.box, department: each.row.department_name, reason: each.reason });
      continue;
    }
    let department = departments.get(each.row.department_id);
    if (!department) {
      department = { department: { id: each.row.department_id, name: each.row.department_name, code: each.row.department_code }, boxes: [], archives: [] };
      departments.set(each.row.department_id, department);
    }
    (each.box.action === 'transfer-to-archives' ? department.archives : department.boxes).push(each.box);
  }
  return { period: { from, to }, departments: [...departments.values()], leftOut };
}
