// Carrying out a notice: only boxes the department approved in writing, not yet done, and free NOW of any legal hold
// and of any retrieval. A box without an answer is never destroyed, however long ago the answer was due. What is
// done is recorded box by box (custody events, the shelf freed) and written as a sealed certificate.
import type { FilesWritten } from '../../../shared/api/contract-disposition';
import { buildCertificatePdf } from '../../../shared/documents/disposition-pdf';
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import {
  DISPOSITION_CERTIFICATE_FORMAT,
  dispositionCertificateSchema,
  type DispositionCertificate,
  type DispositionNotice,
  type ExecutedAction,
} from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';
import { getDepartment } from '../../catalog/profile-store';
import { recordedChange } from '../../center/center-change';
import { appendCustodyEvents } from '../../custody/custody-events';
import { loadFonts } from '../../exchange/fonts';
import { nextPaperNumber, paperFileName, paperNumberTaken, sealAndCheck, writePaper } from './disposition-paper';
import { centerDepartment, centerNotice, foldersOf, holdOnBox, noticeBoxesOf, retrievalOnBox, type NoticeBoxRow } from './disposition-store';

export interface ExecuteInput { noticeId: number; boxIds?: number[]; method: string; witness: string; date?: string; outDir: string }

const refuse = (message: string, field?: string) => new AppError('invalid-input', `${message} Nothing was destroyed.`, field ? { field } : undefined);

/** Why the box may not be carried out now, in words, or null when it may. Read at the moment it is asked. */
export function whyNotNow(context: CatalogContext, row: NoticeBoxRow): string | null {
  if (row.executed !== null) return `was already ${row.executed === 'destroyed' ? 'destroyed' : 'transferred to the archives'} on ${row.executed_at?.slice(0, 10)}`;
  if (row.answer === null) return 'has no answer from the department: a box without an answer is never destroyed; ask the department again';
  if (row.answer === 'refuse') return `was refused by the department${row.reason ? ` (${row.reason})` : ''}${row.review_date ? `; review it again from ${row.review_date}` : ''}`;
  if (row.answer === 'extend') return `waits: the department asked for more time${row.extend_to ? `, until ${row.extend_to}` : ''}`;
  const hold = holdOnBox(context, row.box_id);
  if (hold) return `is ${hold}: it cannot be destroyed until the hold is lifted`;
  const onHand = context.db.get<{ status: string; withdrawn_at: string | null }>('SELECT status, withdrawn_at FROM holding_box WHERE id = ?', [row.box_id]);
  if (!onHand || onHand.withdrawn_at !== null || !['received', 'damaged', 'extra'].includes(onHand.status)) return 'is no longer on hand at this records center';
  const retrieval = retrievalOnBox(context, row.box_id);
  if (retrieval) return `is ${retrieval}: carry it out once the box is back on its shelf`;
  return null;
}

const executedOf = (action: NoticeBoxRow['action']): ExecutedAction => (action === 'transfer-to-archives' ? 'transferred-to-archives' : 'destroyed');

interface ResponseRow { id: number; fingerprint: string; signed_name: string; signed_title: string; responded_at: string }

export async function executeApproved(
  context: CatalogContext,
  input: ExecuteInput,
): Promise<Omit<FilesWritten, 'download' | 'pdfDownload'> & { certificateId: number; number: string; boxes: number }> {
  const notice = centerNotice(context, input.noticeId);
  if (!notice) throw new AppError('not-found', `This records center wrote no disposition notice numbered ${input.noticeId}.`, { field: 'noticeId' });
  const department = centerDepartment(context, notice.department_id)!;
  const rows = noticeBoxesOf(context, notice.id);
  const now = context.now();
  const today = now.slice(0, 10);
  const date = input.date ?? today;
  if (date > today) throw refuse(`The date ${date} is in the future: record a destruction on the day it was done.`, 'date');

  let chosen: NoticeBoxRow[];
  if (input.boxIds !== undefined && input.boxIds.length > 0) {
    const byId = new Map(rows.map((row) => [row.box_id, row]));
    const problems: string[] = [];
    chosen = [];
    for (const boxId of new Set(input.boxIds)) {
      const row = byId.get(boxId);
      if (!row) {
        problems.push(`box ${boxId} is not on notice ${notice.number}`);
        continue;
      }
      const why = whyNotNow(context, row);
      if (why) problems.push(`box ${row.box_code} ${why}`);
      else chosen.push(row);
    }
    if (problems.length > 0) throw refuse(`Notice ${notice.number} cannot be carried out as asked: ${problems.join('; ')}.`, 'boxIds');
  } else {
    chosen = rows.filter((row) => whyNotNow(context, row) === null);
    if (chosen.length === 0) {
      throw new AppError(
        'invalid-input',
        `No box of notice ${notice.number} is approved and free of holds: nothing was destroyed. A box without an answer is never destroyed: ask the department again.`,
        { field: 'noticeId' },
      );
    }
  }
  const before = chosen.find((row) => row.answered_at !== null && row.answered_at.slice(0, 10) > date);
  if (before) throw refuse(`Box ${before.box_code} was approved on ${before.answered_at!.slice(0, 10)}, after ${date}: nothing is destroyed before its approval.`, 'date');

  // The approvals rest on the latest of the responses that gave them.
  const responseIds = [...new Set(chosen.map((row) => row.response_id).filter((id): id is number => id !== null))];
  const response = context.db.get<ResponseRow>(
    `SELECT id, fingerprint, signed_name, signed_title, responded_at FROM disposition_response WHERE id IN (${responseIds.map(() => '?').join(', ') || 'NULL'}) ORDER BY id DESC LIMIT 1`,
    responseIds,
  );
  if (!response) throw new AppError('catalog-corrupt', `The approvals of notice ${notice.number} name no response this catalog holds. Nothing was destroyed.`);

  const noticeFile = JSON.parse(notice.json) as DispositionNotice;
  const noticed = new Map(noticeFile.boxes.map((box) => [box.boxId, box]));
  const at = date === today ? now : `${date}T12:00:00.000Z`;
  const center = getDepartment(context);
  const number = nextPaperNumber(context, 'CD', department, Number(today.slice(0, 4)));
  const unsealed: Omit<DispositionCertificate, 'fingerprint'> = {
    format: DISPOSITION_CERTIFICATE_FORMAT,
    certificate: { number, issuedAt: now },
    notice: { number: noticeFile.notice.number, fingerprint: notice.fingerprint },
    response: { fingerprint: response.fingerprint, signedBy: { name: response.signed_name, title: response.signed_title }, respondedAt: response.responded_at },
    department: { name: department.name, code: department.code },
    recordsCenter: { name: center.name, contactName: center.contactName, contactPhone: center.contactPhone, contactEmail: center.contactEmail },
    boxes: chosen.map((row) => {
      const box = noticed.get(row.box_code)!;
      return {
        transferNumber: box.transferNumber,
        manifestFingerprint: box.manifestFingerprint,
        accessionNumber: box.accessionNumber,
        boxSequence: box.boxSequence,
        boxId: box.boxId,
        boxLabel: box.boxLabel,
        centerBoxNumber: box.centerBoxNumber,
        action: executedOf(row.action),
        method: input.method,
        at,
        witness: input.witness,
        folders: foldersOf(context, row.box_id).map((folder) => ({
          position: folder.position, title: folder.title, fileCode: folder.file_code, beginDate: folder.begin_date, endDate: folder.end_date, itemNumber: folder.item_number,
        })),
      };
    }),
  };
  const certificate = sealAndCheck(unsealed, dispositionCertificateSchema, `The certificate ${number}`);
  const pdf = await buildCertificatePdf(certificate, { fingerprint: certificate.fingerprint, ...(await loadFonts()) });
  const { path, pdfPath } = await writePaper(input.outDir, paperFileName(number, 'certificate'), certificate, pdf);

  const certificateId = recordedChange(context, `Carry out notice ${notice.number}: certificate ${number}`, () => {
    // The files were written outside the transaction: a hold placed meanwhile still stops everything.
    if (paperNumberTaken(context, 'CD', number)) throw refuse(`Another certificate numbered ${number} was written meanwhile: carry the notice out again.`);
    for (const row of chosen) {
      const current = noticeBoxesOf(context, notice.id).find((each) => each.id === row.id)!;
      const why = whyNotNow(context, current);
      if (why) throw refuse(`Box ${row.box_code} ${why} (it changed while the certificate was being written).`, 'boxIds');
    }
    const id = context.db.run(
      'INSERT INTO disposition_certificate (notice_id, number, json, fingerprint, issued_at, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [notice.id, number, JSON.stringify(certificate), certificate.fingerprint, now, now, context.history.actor],
    ).lastInsertRowid;
    for (const row of chosen) {
      context.db.run(
        'UPDATE disposition_notice_box SET executed = ?, executed_at = ?, method = ?, witness = ?, certificate_id = ? WHERE id = ?',
        [executedOf(row.action), at, input.method, input.witness, id, row.id],
      );
      // The shelf is free for another box; the box's rows and paperwork stay.
      context.db.run('UPDATE holding_box SET location_id = NULL WHERE id = ?', [row.box_id]);
    }
    const accessionOf = (boxId: number) => context.db.get<{ accession_id: number }>('SELECT accession_id FROM holding_box WHERE id = ?', [boxId])!.accession_id;
    appendCustodyEvents(
      context,
      chosen.map((row) => {
        const executed = executedOf(row.action);
        const words = executed === 'destroyed' ? `Destroyed (${input.method})` : `Transferred to the archives (${input.method})`;
        return {
          boxId: row.box_id,
          transferId: accessionOf(row.box_id),
          kind: executed === 'destroyed' ? ('disposed' as const) : ('transferred-to-archives' as const),
          at,
          detail: { text: `${words}, witnessed by ${input.witness}, as approved on notice ${notice.number}; certificate ${number}`, certificate: number, notice: notice.number },
        };
      }),
    );
    return id;
  });

  const destroyed = chosen.filter((row) => executedOf(row.action) === 'destroyed').length;
  const transferred = chosen.length - destroyed;
  const done = [destroyed > 0 ? `${count(destroyed, 'box', 'boxes')} destroyed` : '', transferred > 0 ? `${count(transferred, 'box', 'boxes')} transferred to the archives` : '']
    .filter(Boolean)
    .join(' and ');
  const waiting = rows.filter((row) => row.executed === null).length - chosen.length;
  return {
    certificateId,
    number,
    boxes: chosen.length,
    path,
    pdfPath,
    fingerprint: certificate.fingerprint,
    message:
      `Certificate ${number}: ${done} on notice ${notice.number}. Send ${paperFileName(number, 'certificate')} or its PDF to ${department.name}.` +
      (waiting > 0 ? ` ${count(waiting, 'box', 'boxes')} of the notice ${waiting === 1 ? 'stays' : 'stay'}: not approved, held or out.` : ''),
  };
}
