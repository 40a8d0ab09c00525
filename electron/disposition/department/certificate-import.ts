// A department takes in the certificate of what its records center destroyed or transferred. It must be sealed as
// the center wrote it, answer a notice this catalog holds (number and seal) and rest on a response this catalog
// wrote; every box on it must be one that response approved, for the action the notice proposed, and not under a
// legal hold here now. Then each box gets its "disposed" or "transferred-to-archives" event (its status follows),
// and the paperwork, folders and the center's last word on the box stay: the records are gone, their record is not.
import type { TakenIn } from '../../../shared/api/contract-disposition';
import { count } from '../../../shared/domain/words';
import { dispositionCertificateSchema, type DispositionResponse } from '../../../shared/exchange/disposition';
import { BOX_STATUS_SQL } from '../../custody/box-status';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { appendCustodyEvents } from '../../custody/custody-events';
import { holdsOnBoxes } from './box-holds';
import { parseSealed, refuseFile } from './exchange-file';
import type { NoticeBoxRow } from './notice-store';

export function importCertificate(context: CatalogContext, json: unknown, fileName: string): TakenIn {
  const certificate = parseSealed(dispositionCertificateSchema, json, fileName, 'certificate of destruction or transfer');
  const number = certificate.certificate.number;
  const center = certificate.recordsCenter.name;
  const already = context.db.get<{ notice_id: number }>('SELECT notice_id FROM disposition_certificate WHERE fingerprint = ?', [certificate.fingerprint]);
  if (already) {
    return { kind: 'certificate', id: already.notice_id, number, alreadyImported: true, message: `Certificate ${number} from ${center} was taken in already: nothing changed.` };
  }

  const named = certificate.notice;
  const notice = context.db.get<{ id: number; number: string }>('SELECT id, number FROM disposition_notice WHERE number = ? AND fingerprint = ?', [named.number, named.fingerprint]);
  if (!notice) {
    const sameNumber = context.db.get('SELECT 1 FROM disposition_notice WHERE number = ?', [named.number]);
    refuseFile(
      sameNumber
        ? `${fileName} is for another notice numbered ${named.number} (fingerprint ${named.fingerprint.slice(0, 16)}…), not the one this catalog took in: it belongs to another department or catalog.`
        : `${fileName} is for notice ${named.number}, which this catalog never took in: take the notice in first, or it belongs to another department or catalog.`,
      fileName,
    );
  }
  const response = context.db.get<{ id: number; json: string; responded_at: string }>(
    'SELECT id, json, responded_at FROM disposition_response WHERE notice_id = ? AND fingerprint = ?',
    [notice.id, certificate.response.fingerprint],
  );
  if (!response) {
    refuseFile(
      `${fileName} rests on a response to notice ${notice.number} (fingerprint ${certificate.response.fingerprint.slice(0, 16)}…) that this catalog never wrote: ` +
        `the certificate does not match what you signed; contact ${center}.`,
      fileName,
    );
  }
  const answers = new Map((JSON.parse(response.json) as DispositionResponse).answers.map((answer) => [answer.boxId, answer]));
  const noticeBoxes = new Map(
    context.db.all<NoticeBoxRow & { label: string | null }>(
      'SELECT nb.*, b.label FROM disposition_notice_box nb LEFT JOIN box b ON b.id = nb.box_id WHERE nb.notice_id = ?',
      [notice.id],
    ).map((box) => [box.box_code, box]),
  );
  const signed = `your response of ${response.responded_at.slice(0, 10)}`;
  const seen = new Set<string>();
  const boxes = certificate.boxes.map((box) => {
    const onNotice = noticeBoxes.get(box.boxId);
    const name = `box ${onNotice?.label ?? box.boxLabel} (${box.boxId})`;
    // Each box is done once: a box listed twice would be recorded destroyed twice, on two days, by two witnesses.
    if (seen.has(box.boxId)) refuseFile(`${fileName} lists ${name} twice: it is damaged; ask ${center} to send it again.`, fileName);
    seen.add(box.boxId);
    if (!onNotice) refuseFile(`${fileName}: ${name} is not on notice ${notice.number}: the certificate does not match what you signed; contact ${center}.`, fileName);
    if (answers.get(box.boxId)?.answer !== 'approve') {
      refuseFile(`${fileName}: ${name} was not approved in ${signed} to notice ${notice.number}: the certificate does not match what you signed; contact ${center}.`, fileName);
    }
    // An approval the department has since taken back (a later response refusing the box, or asking for more time)
    // is no approval: what it signed last decides.
    if (onNotice.answer !== 'approve') {
      refuseFile(
        `${fileName}: ${name} was approved in ${signed}, but your latest answer for it is ${onNotice.answer === 'refuse' ? 'a refusal' : 'a request for more time'}: ` +
          `the certificate does not match what you signed last; contact ${center}.`,
        fileName,
      );
    }
    const proposed = onNotice.action === 'transfer-to-archives' ? 'transferred-to-archives' : 'destroyed';
    if (box.action !== proposed) {
      const words = (action: string) => (action === 'destroyed' ? 'destroyed' : 'transferred to the archives');
      refuseFile(
        `${fileName}: ${name} was to be ${words(proposed)} as notice ${notice.number} proposed and you approved, but the certificate says it was ${words(box.action)}: ` +
          `the certificate does not match what you signed; contact ${center}.`,
        fileName,
      );
    }
    if (onNotice.executed) {
      refuseFile(`${fileName}: ${name} is already recorded as ${onNotice.executed === 'destroyed' ? 'destroyed' : 'transferred to the archives'} on ${onNotice.executed_at?.slice(0, 10)} by another certificate: contact ${center}.`, fileName);
    }
    // A box withdrawn to the office since the notice is not at the center: the center cannot have done anything to it.
    const status = context.db.get<{ status: string }>(`SELECT ${BOX_STATUS_SQL} AS status FROM box b WHERE b.id = ?`, [onNotice.box_id])?.status;
    if (status === 'in-office' || status === 'in-transfer') {
      refuseFile(
        `${fileName}: ${name} is back in your office (withdrawn from ${center}), yet the certificate says it was ${box.action === 'destroyed' ? 'destroyed' : 'transferred to the archives'}: ` +
          `look for the box, and contact ${center}.`,
        fileName,
      );
    }
    return { box, onNotice, name };
  });
  const holds = holdsOnBoxes(context, boxes.map((each) => each.onNotice.box_id));
  const held = boxes.find((each) => holds.has(each.onNotice.box_id));
  if (held) {
    refuseFile(
      `${fileName}: ${held.name} is under ${holds.get(held.onNotice.box_id)!.words} in this catalog, yet ${center} certifies it was ` +
        `${held.box.action === 'destroyed' ? 'destroyed' : 'transferred to the archives'} on ${held.box.at.slice(0, 10)}. This is a serious discrepancy: ` +
        `take it up with ${center} at once (${[certificate.recordsCenter.contactName, certificate.recordsCenter.contactPhone, certificate.recordsCenter.contactEmail].filter(Boolean).join(', ')}) ` +
        'and tell whoever asked for the hold.',
      fileName,
    );
  }

  recordedChange(context, `Take in ${center}'s certificate ${number}`, () => {
    const now = context.now();
    const certificateId = context.db.run(
      'INSERT INTO disposition_certificate (notice_id, number, json, fingerprint, issued_at, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [notice.id, number, JSON.stringify(certificate), certificate.fingerprint, certificate.certificate.issuedAt, now, context.history.actor],
    ).lastInsertRowid;
    context.db.runMany(
      'UPDATE disposition_notice_box SET executed = ?, executed_at = ?, method = ?, witness = ?, certificate_id = ? WHERE id = ?',
      boxes.map(({ box, onNotice }) => [box.action, box.at, box.method, box.witness, certificateId, onNotice.id]),
    );
    appendCustodyEvents(
      context,
      boxes.map(({ box, onNotice }) => {
        const transferId = context.db.get<{ id: number }>('SELECT id FROM transfer WHERE number = ? AND fingerprint = ?', [box.transferNumber, box.manifestFingerprint])?.id ?? null;
        const done = box.action === 'destroyed' ? `Destroyed (${box.method})` : `Transferred to the archives (${box.method})`;
        return {
          boxId: onNotice.box_id,
          transferId,
          kind: box.action === 'destroyed' ? ('disposed' as const) : ('transferred-to-archives' as const),
          at: box.at,
          actor: `${box.witness.trim() || center} (${center})`,
          detail: {
            text: `${done} by ${center}${box.witness.trim() ? `, witnessed by ${box.witness.trim()}` : ''}, as approved; certificate ${number}`,
            certificate: number,
            center,
            fingerprint: certificate.fingerprint,
            notice: notice.number,
          },
        };
      }),
    );
  });

  const destroyed = certificate.boxes.filter((box) => box.action === 'destroyed').length;
  const archived = certificate.boxes.length - destroyed;
  const did = [destroyed && `destroyed ${count(destroyed, 'box', 'boxes')}`, archived && `transferred ${count(archived, 'box', 'boxes')} to the archives`].filter(Boolean).join(' and ');
  return {
    kind: 'certificate',
    id: notice.id,
    number,
    alreadyImported: false,
    message:
      `${center} ${did} on notice ${notice.number} (certificate ${number}), as you approved. ` +
      'Their folders stay in your catalog, showing what became of them, and the paperwork is kept.',
  };
}
