// The notices of either side: a center's written notices with the answers taken in, a department's notices with
// its own answers. One table (disposition_notice) serves both; the role decides what box_id names. The state is
// said in words for the side reading it; past the answer's day the words never say "approved": a box without an
// approval is never destroyed, and the center is told to ask again.
import type { NoticeBoxDetail, NoticeDetail, NoticeSummary } from '../../shared/api/contract-disposition';
import { count } from '../../shared/domain/words';
import type { CatalogContext } from '../catalog/context';
import { getDepartment } from '../catalog/profile-store';
import { locationWordsOf, type HoldingBoxRow } from '../center/accession-store';
import { holdsOnBoxes, isCenter } from './department/box-holds';
import { daysBetween } from './department/exchange-file';
import { getNoticeRow, listNoticeRows, noticeBoxRows, noticeJson, type NoticeBoxRow, type NoticeRow } from './department/notice-store';

interface Tally {
  boxes: number;
  approved: number;
  refused: number;
  extended: number;
  unanswered: number;
  executed: number;
  /** Approved, not carried out, and not held now: what the center may carry out. */
  ready: number;
}

const inDays = (days: number) => (days === 0 ? 'today' : `in ${count(days, 'day')}`);

function tallyOf(boxes: readonly NoticeBoxRow[], held: ReadonlySet<number>): Tally {
  const tally: Tally = { boxes: boxes.length, approved: 0, refused: 0, extended: 0, unanswered: 0, executed: 0, ready: 0 };
  for (const box of boxes) {
    if (box.answer === 'approve') tally.approved += 1;
    else if (box.answer === 'refuse') tally.refused += 1;
    else if (box.answer === 'extend') tally.extended += 1;
    else tally.unanswered += 1;
    if (box.executed) tally.executed += 1;
    else if (box.answer === 'approve' && !held.has(box.box_id)) tally.ready += 1;
  }
  return tally;
}

/** Open while a box is neither carried out nor refused: it may still be answered, approved or carried out. */
function isOpen(boxes: readonly NoticeBoxRow[]): boolean {
  return boxes.some((box) => !box.executed && box.answer !== 'refuse');
}

interface Paper { respondedAt: string | null; certificates: string[] }

function stateWords(center: boolean, row: NoticeRow, tally: Tally, daysLeft: number, open: boolean, paper: Paper): string {
  const answers = [tally.approved && `${tally.approved} approved`, tally.refused && `${tally.refused} refused`, tally.extended && `${tally.extended} given more time`]
    .filter(Boolean)
    .join(', ');
  if (center) {
    if (tally.unanswered > 0) {
      const waiting = tally.unanswered < tally.boxes ? ` for ${count(tally.unanswered, 'box', 'boxes')}` : '';
      return daysLeft >= 0
        ? `Waiting for the department's answer${waiting} (due ${inDays(daysLeft)})`
        : `No answer by ${row.respond_by}${waiting}: ask the department again — a box without an approval is never destroyed`;
    }
    if (tally.ready > 0) return `${tally.ready} approved, ready to carry out`;
    if (tally.executed > 0 && !open) return 'Carried out';
    if (tally.executed > 0) return `Partly carried out; answered: ${answers}`;
    return `Answered: ${answers}`;
  }
  const certificates = paper.certificates.length ? `certificate ${paper.certificates.join(', ')}` : '';
  if (tally.executed > 0 && !open) return `Carried out: ${certificates}`;
  if (paper.respondedAt === null || tally.unanswered > 0) {
    return daysLeft >= 0
      ? `Answer due ${inDays(daysLeft)}`
      : `Answer was due on ${row.respond_by}: nothing is destroyed without your approval; the center will ask again`;
  }
  const partly = tally.executed > 0 ? `; partly carried out: ${certificates}` : '';
  return `Answered on ${paper.respondedAt.slice(0, 10)}: ${answers}${partly}`;
}

function departmentNames(context: CatalogContext, center: boolean): (row: NoticeRow) => string {
  if (!center) {
    const name = getDepartment(context).name;
    return () => name;
  }
  const names = new Map(context.db.all<{ id: number; name: string }>('SELECT id, name FROM center_department').map((each) => [each.id, each.name]));
  return (row) => (row.department_id === null ? '' : names.get(row.department_id) ?? '');
}

function summaryOf(context: CatalogContext, center: boolean, row: NoticeRow, department: string, boxes: NoticeBoxRow[]): NoticeSummary & { open: boolean; held: Map<number, string> } {
  const holds = holdsOnBoxes(context, boxes.filter((box) => !box.executed).map((box) => box.box_id));
  const tally = tallyOf(boxes, new Set(holds.keys()));
  const daysLeft = daysBetween(context.now().slice(0, 10), row.respond_by);
  const open = isOpen(boxes);
  const paper: Paper = {
    respondedAt: context.db.get<{ at: string | null }>('SELECT max(responded_at) AS at FROM disposition_response WHERE notice_id = ?', [row.id])?.at ?? null,
    certificates: context.db.column<string>('SELECT number FROM disposition_certificate WHERE notice_id = ? ORDER BY id', [row.id]),
  };
  return {
    id: row.id,
    number: row.number,
    department,
    centerName: row.center_name,
    issuedAt: row.issued_at,
    respondBy: row.respond_by,
    daysLeft,
    boxes: tally.boxes,
    approved: tally.approved,
    refused: tally.refused,
    extended: tally.extended,
    unanswered: tally.unanswered,
    executed: tally.executed,
    state: stateWords(center, row, tally, daysLeft, open, paper),
    open,
    held: new Map([...holds].map(([boxId, hold]) => [boxId, hold.heldBy])),
  };
}

export function listNotices(context: CatalogContext, show: 'open' | 'all'): NoticeSummary[] {
  const center = isCenter(context);
  const departmentOf = departmentNames(context, center);
  const out: NoticeSummary[] = [];
  for (const row of listNoticeRows(context)) {
    const { open, held: _held, ...summary } = summaryOf(context, center, row, departmentOf(row), noticeBoxRows(context, row.id));
    if (show === 'open' && !open) continue;
    out.push(summary);
  }
  return out;
}

const executedWords = (box: NoticeBoxRow) =>
  `${box.executed === 'destroyed' ? 'Destroyed' : 'Transferred to the archives'} on ${box.executed_at?.slice(0, 10) ?? 'an unknown day'}`;

/** Why the center may not carry a box out now, or null when it may. */
function whyNotCarriedOut(box: NoticeBoxRow, heldBy: string | null, certificate: string | null): string | null {
  if (box.executed) return `${executedWords(box)}${certificate ? ` (certificate ${certificate})` : ''}: already carried out.`;
  if (heldBy) return `Under a legal hold (${heldBy}): a held box is never destroyed while the hold stands.`;
  if (box.answer === null) return 'No answer from the department: a box without an approval is never destroyed. Ask the department again.';
  if (box.answer === 'refuse') return `Refused by the department${box.reason ? `: ${box.reason}` : ''}${box.review_date ? `. Review it again on ${box.review_date}` : ''}.`;
  if (box.answer === 'extend') return `The department asked for more time, until ${box.extend_to ?? 'a later day'}${box.reason ? `: ${box.reason}` : ''}.`;
  return null;
}

export function getNotice(context: CatalogContext, id: number): NoticeDetail {
  const center = isCenter(context);
  const row = getNoticeRow(context, id);
  const boxes = noticeBoxRows(context, row.id);
  const { open: _open, held, ...summary } = summaryOf(context, center, row, departmentNames(context, center)(row), boxes);
  const notice = noticeJson(context, row.id);
  const quoted = new Map(notice.boxes.map((box) => [box.boxId, box]));
  const live = center ? centerBoxes(context, boxes) : departmentBoxes(context, boxes);
  const certificates = context.db.all<{ id: number; number: string; fingerprint: string; issued_at: string }>(
    'SELECT id, number, fingerprint, issued_at FROM disposition_certificate WHERE notice_id = ? ORDER BY id',
    [row.id],
  );
  const certificateNumber = new Map(certificates.map((each) => [each.id, each.number]));

  const noticeBoxes: NoticeBoxDetail[] = boxes.map((box) => {
    const words = quoted.get(box.box_code);
    const here = live.get(box.box_id);
    const heldBy = box.executed ? null : held.get(box.box_id) ?? null;
    const whyNot = whyNotCarriedOut(box, heldBy, box.certificate_id === null ? null : certificateNumber.get(box.certificate_id) ?? null);
    return {
      boxId: box.box_id,
      boxCode: box.box_code,
      boxLabel: here?.label ?? words?.boxLabel ?? box.box_code,
      accessionNumber: words?.accessionNumber ?? '',
      transferNumber: words?.transferNumber ?? '',
      // At a center its own numbering is the truth (none yet is none); a department falls back to what the notice said.
      centerBoxNumber: center && here ? here.centerBoxNumber : here?.centerBoxNumber ?? words?.centerBoxNumber ?? null,
      location: here?.location ?? null,
      dispositionDate: words?.dispositionDate ?? '',
      itemNumbers: [...new Set((words?.series ?? []).map((series) => series.itemNumber))],
      folders: words?.folders.length ?? 0,
      confidential: words?.confidential ?? false,
      action: box.action,
      answer: box.answer,
      reason: box.reason,
      reviewDate: box.review_date,
      extendTo: box.extend_to,
      executed: box.executed,
      executedAt: box.executed_at,
      heldBy,
      canExecute: center && whyNot === null,
      whyNot: center ? whyNot : null,
    };
  });
  return {
    ...summary,
    fingerprint: row.fingerprint,
    period: { from: row.period_from, to: row.period_to },
    meaning: notice.notice.meaning,
    noticeBoxes,
    responses: context.db
      .all<{ fingerprint: string; signed_name: string; signed_title: string; responded_at: string }>(
        'SELECT fingerprint, signed_name, signed_title, responded_at FROM disposition_response WHERE notice_id = ? ORDER BY id',
        [row.id],
      )
      .map((each) => ({ fingerprint: each.fingerprint, signedName: each.signed_name, signedTitle: each.signed_title, respondedAt: each.responded_at })),
    certificates: certificates.map((each) => ({ id: each.id, number: each.number, fingerprint: each.fingerprint, issuedAt: each.issued_at })),
  };
}

interface LiveBox { label: string; centerBoxNumber: string | null; location: string | null }

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** At a center: each holding box's label, number and shelf as they are now. */
function centerBoxes(context: CatalogContext, boxes: readonly NoticeBoxRow[]): Map<number, LiveBox> {
  if (boxes.length === 0) return new Map();
  const ids = boxes.map((box) => box.box_id);
  const rows = context.db.all<Pick<HoldingBoxRow, 'id' | 'label' | 'center_box_number' | 'building' | 'room' | 'row_label' | 'bay' | 'shelf' | 'position'>>(
    `SELECT b.id, b.label, b.center_box_number, l.building, l.room, l.row_label, l.bay, l.shelf, l.position
       FROM holding_box b LEFT JOIN location l ON l.id = b.location_id WHERE b.id IN (${marks(ids)})`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, { label: row.label, centerBoxNumber: row.center_box_number === null ? null : String(row.center_box_number), location: locationWordsOf(row) }]));
}

/** In a department's catalog: its own box's label, and where the center last said it is. */
function departmentBoxes(context: CatalogContext, boxes: readonly NoticeBoxRow[]): Map<number, LiveBox> {
  if (boxes.length === 0) return new Map();
  const ids = boxes.map((box) => box.box_id);
  const rows = context.db.all<{ id: number; label: string; center_box_number: string | null; location: string | null }>(
    `SELECT b.id, b.label, p.center_box_number, p.location FROM box b LEFT JOIN box_at_center p ON p.box_id = b.id WHERE b.id IN (${marks(ids)})`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, { label: row.label, centerBoxNumber: row.center_box_number, location: row.location }]));
}
