// A department takes in its records center's disposition notice. The notice must be sealed as the center wrote it,
// be addressed to this department, and name only boxes this catalog sent (by transfer number, manifest fingerprint
// and box sequence); a box under a legal hold here is taken in all the same, and its answer can only be a refusal
// or more time. Each box gets a "disposition-noticed" event; nothing is destroyed by taking a notice in.
import type { TakenIn } from '../../../shared/api/contract-disposition';
import { count } from '../../../shared/domain/words';
import { dispositionNoticeSchema, type DispositionNotice, type NoticeBox } from '../../../shared/exchange/disposition';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { getDepartment } from '../../catalog/profile-store';
import { appendCustodyEvents } from '../../custody/custody-events';
import { holdsOnBoxes } from './box-holds';
import { daysBetween, parseSealed, refuseFile } from './exchange-file';

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The notice's department is this catalog's: by code when both have one, else by name. */
function isThisDepartment(notice: DispositionNotice, department: { name: string; code: string }): boolean {
  if (notice.department.code.trim() && department.code.trim()) return normal(notice.department.code) === normal(department.code);
  return normal(notice.department.name) === normal(department.name);
}

export interface SentBox { boxId: number; transferId: number; label: string }

/** This catalog's box the center's box reference names: its sent transfer (number and fingerprint) and sequence. */
export function sentBoxOf(context: CatalogContext, box: Pick<NoticeBox, 'transferNumber' | 'manifestFingerprint' | 'boxSequence'>): SentBox | null {
  const row = context.db.get<{ box_id: number; transfer_id: number; label: string }>(
    `SELECT tb.box_id, tb.transfer_id, b.label FROM transfer t JOIN transfer_box tb ON tb.transfer_id = t.id JOIN box b ON b.id = tb.box_id
      WHERE t.number = ? AND t.fingerprint = ? AND t.sent_at IS NOT NULL AND tb.sequence = ?`,
    [box.transferNumber, box.manifestFingerprint, box.boxSequence],
  );
  return row ? { boxId: row.box_id, transferId: row.transfer_id, label: row.label } : null;
}

const actionWords: Record<NoticeBox['action'], string> = {
  destroy: 'destroy it',
  'secure-destroy': 'destroy it securely (it is confidential)',
  'transfer-to-archives': 'transfer it to the archives',
};

/** "proposes to destroy 3 boxes and transfer 1 to the archives" */
export function proposalWords(boxes: readonly Pick<NoticeBox, 'action'>[]): string {
  const archives = boxes.filter((box) => box.action === 'transfer-to-archives').length;
  const destroy = boxes.length - archives;
  if (archives === 0) return `proposes to destroy ${count(destroy, 'box', 'boxes')}`;
  if (destroy === 0) return `proposes to transfer ${count(archives, 'box', 'boxes')} to the archives`;
  return `proposes to destroy ${count(destroy, 'box', 'boxes')} and transfer ${archives.toLocaleString('en-US')} to the archives`;
}

export function importNotice(context: CatalogContext, json: unknown, fileName: string): TakenIn {
  const notice = parseSealed(dispositionNoticeSchema, json, fileName, 'disposition notice');
  const { number, respondBy } = notice.notice;
  const center = notice.recordsCenter.name;
  const already = context.db.get<{ id: number }>('SELECT id FROM disposition_notice WHERE fingerprint = ?', [notice.fingerprint]);
  if (already) {
    return { kind: 'notice', id: already.id, number, alreadyImported: true, message: `Notice ${number} from ${center} was taken in already: nothing changed.` };
  }

  const department = getDepartment(context);
  if (!isThisDepartment(notice, department)) {
    const theirs = `${notice.department.name}${notice.department.code ? ` (${notice.department.code})` : ''}`;
    refuseFile(`${fileName} is ${center}'s notice for ${theirs}, not for ${department.name}${department.code ? ` (${department.code})` : ''}: it belongs to another department.`, fileName);
  }
  const seen = new Set<number>();
  const boxes = notice.boxes.map((box) => {
    const sent = sentBoxOf(context, box);
    if (!sent) {
      refuseFile(
        `${fileName}: box ${box.boxId} (“${box.boxLabel}”, box ${box.boxSequence} of transfer ${box.transferNumber}) is not one this catalog sent: ` +
          'the notice is for another department or catalog.',
        fileName,
      );
    }
    if (seen.has(sent.boxId)) refuseFile(`${fileName} lists box ${box.boxId} (“${box.boxLabel}”) twice: it is damaged; ask ${center} to send it again.`, fileName);
    seen.add(sent.boxId);
    return { box, sent };
  });
  const holds = holdsOnBoxes(context, boxes.map((each) => each.sent.boxId));

  const id = recordedChange(context, `Take in ${center}'s disposition notice ${number}`, () => {
    const now = context.now();
    const noticeId = context.db.run(
      `INSERT INTO disposition_notice (department_id, number, center_name, period_from, period_to, issued_at, respond_by, json, fingerprint, recorded_at, recorded_by)
       VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [number, center, notice.notice.period.from, notice.notice.period.to, notice.notice.issuedAt, respondBy, JSON.stringify(notice), notice.fingerprint, now, context.history.actor],
    ).lastInsertRowid;
    context.db.runMany(
      'INSERT INTO disposition_notice_box (notice_id, box_id, box_code, action) VALUES (?, ?, ?, ?)',
      boxes.map(({ box, sent }) => [noticeId, sent.boxId, box.boxId, box.action]),
    );
    appendCustodyEvents(
      context,
      boxes.map(({ box, sent }) => ({
        boxId: sent.boxId,
        transferId: sent.transferId,
        kind: 'disposition-noticed' as const,
        at: notice.notice.issuedAt,
        actor: center,
        detail: { text: `${center} proposes to ${actionWords[box.action]} on notice ${number}; answer due by ${respondBy}`, notice: number },
      })),
    );
    return Number(noticeId);
  });

  const left = daysBetween(context.now().slice(0, 10), respondBy);
  const due = left >= 0 ? `answer by ${respondBy} (${count(left, 'day')})` : `the answer was due on ${respondBy}: answer now`;
  const held = boxes.filter(({ sent }) => holds.has(sent.boxId));
  const heldWords = held.length
    ? ` ${held.map(({ box, sent }) => `Box ${box.boxLabel || box.boxId} is under ${holds.get(sent.boxId)!.words}`).join('; ')}: ` +
      `${held.length === 1 ? 'it' : 'they'} can only be refused or given more time.`
    : '';
  return {
    kind: 'notice',
    id,
    number,
    alreadyImported: false,
    message: `${center} ${proposalWords(notice.boxes)}; ${due}. Nothing is destroyed without your written approval.${heldWords}`,
  };
}
