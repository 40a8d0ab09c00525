// A department answers a notice box by box, signed by name and title, and writes the response for the center.
// Every box not yet carried out needs an answer: approve; refuse with a reason and a day to review it again; or
// more time, with a reason and until when. A box under a legal hold can never be approved. The response is sealed,
// written as JSON and PDF, and recorded with a custody event on each box; answering again writes a new response
// that replaces the earlier answers of the boxes not yet carried out.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FilesWritten } from '../../../shared/api/contract-disposition';
import { buildResponsePdf } from '../../../shared/documents/disposition-pdf';
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import {
  DISPOSITION_RESPONSE_FORMAT,
  dispositionResponseSchema,
  type DispositionAnswer,
  type DispositionResponse,
} from '../../../shared/exchange/disposition';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { appendCustodyEvents } from '../../custody/custody-events';
import { sealFingerprint } from '../../exchange/fingerprint';
import { loadFonts } from '../../exchange/fonts';
import { writeFileAtomic } from '../../storage/file-system';
import { holdsOnBoxes, isCenter } from './box-holds';
import { safeStem } from './exchange-file';
import { getNoticeRow, noticeBoxRows, noticeJson, type NoticeBoxRow } from './notice-store';

export interface AnswerInput { answer: DispositionAnswer; reason: string; reviewDate?: string; extendTo?: string }
export interface RespondInput {
  noticeId: number;
  answers: (AnswerInput & { boxId: number })[];
  all?: AnswerInput;
  signedName: string;
  signedTitle: string;
  outDir: string;
}

function refuse(message: string, field: string): never {
  throw new AppError('invalid-input', `${message} Nothing was answered.`, { field });
}

const KIND = { approve: 'disposition-approved', refuse: 'disposition-refused', extend: 'disposition-extended' } as const;

/** `<notice>-response.json`, then `<notice>-response-2.json` …: an earlier answer's file is never overwritten. */
export function responseFileName(noticeNumber: string, responsesBefore: number): string {
  return `${safeStem(noticeNumber)}-response${responsesBefore === 0 ? '' : `-${responsesBefore + 1}`}.json`;
}

export async function respondToNotice(context: CatalogContext, input: RespondInput): Promise<Omit<FilesWritten, 'download' | 'pdfDownload'>> {
  if (isCenter(context)) {
    throw new AppError('forbidden', 'A records center does not answer notices: the department it wrote to does. Nothing was answered.');
  }
  const row = getNoticeRow(context, input.noticeId);
  const notice = noticeJson(context, row.id);
  const boxes = noticeBoxRows(context, row.id);
  const byBox = new Map(boxes.map((box) => [box.box_id, box]));
  const quoted = new Map(notice.boxes.map((box) => [box.boxId, box]));
  const labels = new Map(
    context.db.all<{ id: number; label: string }>(`SELECT id, label FROM box WHERE id IN (${boxes.map(() => '?').join(', ')})`, boxes.map((box) => box.box_id)).map((each) => [each.id, each.label]),
  );
  const name = (box: NoticeBoxRow) => `Box ${labels.get(box.box_id) ?? quoted.get(box.box_code)?.boxLabel ?? box.box_code} (${box.box_code})`;
  const today = context.now().slice(0, 10);

  const given = new Map<number, AnswerInput>();
  for (const answer of input.answers) {
    const box = byBox.get(answer.boxId);
    if (!box) {
      const label = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [answer.boxId])?.label;
      refuse(`${label ? `Box ${label}` : `Box ${answer.boxId}`} is not on notice ${row.number}: answer only the boxes the notice lists.`, 'answers');
    }
    if (given.has(answer.boxId)) refuse(`${name(box)} is answered twice: give one answer a box.`, 'answers');
    if (box.executed) refuse(`${name(box)} was already ${box.executed === 'destroyed' ? 'destroyed' : 'transferred to the archives'} on ${box.executed_at?.slice(0, 10)}: it cannot be answered again.`, 'answers');
    given.set(answer.boxId, answer);
  }
  const open = boxes.filter((box) => !box.executed);
  if (open.length === 0) refuse(`Every box on notice ${row.number} was already carried out: there is nothing left to answer.`, 'noticeId');

  const holds = holdsOnBoxes(context, open.map((box) => box.box_id));
  const answered = open.map((box) => {
    const answer = given.get(box.box_id) ?? input.all;
    if (!answer) {
      refuse(`${name(box)} has no answer: approve, refuse or ask for more time for every box on notice ${row.number} (or give one answer for all of them).`, 'answers');
    }
    const reason = answer.reason.trim();
    if (answer.answer === 'refuse') {
      if (!reason) refuse(`${name(box)} is refused without a reason: say why the records must be kept.`, 'reason');
      if (!answer.reviewDate) refuse(`${name(box)} is refused without a review date: say when the center should ask about it again.`, 'reviewDate');
      if (answer.reviewDate <= today) refuse(`${name(box)} is refused with the review date ${answer.reviewDate}, which is not after today: give a day to come.`, 'reviewDate');
    }
    if (answer.answer === 'extend') {
      if (!answer.extendTo) refuse(`${name(box)} asks for more time without saying until when: give the day the center may ask again.`, 'extendTo');
      if (answer.extendTo <= today) refuse(`${name(box)} asks for more time until ${answer.extendTo}, which is not after today: give a day to come.`, 'extendTo');
      if (!reason) refuse(`${name(box)} asks for more time without a reason: say why the records are still needed.`, 'reason');
    }
    const hold = holds.get(box.box_id);
    if (answer.answer === 'approve' && hold) {
      refuse(`${name(box)} is under ${hold.words}: it can only be refused or given more time, never approved while the hold stands.`, 'answers');
    }
    return {
      box,
      answer: {
        boxId: box.box_code,
        answer: answer.answer,
        reason,
        reviewDate: answer.answer === 'refuse' ? answer.reviewDate! : null,
        extendTo: answer.answer === 'extend' ? answer.extendTo! : null,
      },
    };
  });
  // A box already carried out keeps the approval it was carried out on, so every response covers the whole notice.
  const done = boxes.filter((box) => box.executed).map((box) => ({ boxId: box.box_code, answer: 'approve' as const, reason: box.reason, reviewDate: null, extendTo: null }));
  const order = new Map(boxes.map((box, index) => [box.box_code, index]));
  const answers = [...answered.map((each) => each.answer), ...done].sort((a, b) => order.get(a.boxId)! - order.get(b.boxId)!);

  const respondedAt = context.now();
  const unsealed: Omit<DispositionResponse, 'fingerprint'> = {
    format: DISPOSITION_RESPONSE_FORMAT,
    notice: { number: row.number, fingerprint: row.fingerprint },
    // The department as the center knows it, so the center finds its own notice's department.
    department: { name: notice.department.name, code: notice.department.code },
    respondedAt,
    signedBy: { name: input.signedName.trim(), title: input.signedTitle.trim() },
    answers,
  };
  const response: DispositionResponse = { ...unsealed, fingerprint: sealFingerprint(unsealed) };
  const checked = dispositionResponseSchema.safeParse(response);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('internal', `The response to notice ${row.number} does not match its schema at ${issue.path.join('.')}: ${issue.message}.`);
  }

  // The files first: an answer is recorded only once both are on disk to send.
  const before = context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM disposition_response WHERE notice_id = ?', [row.id])!.n;
  const fileName = responseFileName(row.number, before);
  const pdf = await buildResponsePdf(response, notice, { fingerprint: response.fingerprint, ...(await loadFonts()) });
  await mkdir(input.outDir, { recursive: true });
  const path = join(input.outDir, fileName);
  const pdfPath = path.replace(/\.json$/, '.pdf');
  await writeFileAtomic(pdfPath, pdf, { overwrite: true });
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(response, null, 2)}\n`), { overwrite: true });

  const signer = `${response.signedBy.name}, ${response.signedBy.title}`;
  const tally = { approve: 0, refuse: 0, extend: 0 };
  for (const each of answered) tally[each.answer.answer] += 1;
  recordedChange(context, `Answer ${row.center_name}'s disposition notice ${row.number}`, () => {
    const responseId = context.db.run(
      `INSERT INTO disposition_response (notice_id, json, fingerprint, signed_name, signed_title, responded_at, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.id, JSON.stringify(response), response.fingerprint, response.signedBy.name, response.signedBy.title, respondedAt, respondedAt, context.history.actor],
    ).lastInsertRowid;
    context.db.runMany(
      'UPDATE disposition_notice_box SET answer = ?, reason = ?, review_date = ?, extend_to = ?, answered_at = ?, response_id = ? WHERE id = ?',
      answered.map(({ box, answer }) => [answer.answer, answer.reason, answer.reviewDate, answer.extendTo, respondedAt, responseId, box.id]),
    );
    appendCustodyEvents(
      context,
      answered.map(({ box, answer }) => ({
        boxId: box.box_id,
        kind: KIND[answer.answer],
        at: respondedAt,
        detail: { text: answerText(answer, signer, row.number), notice: row.number, response: response.fingerprint },
      })),
    );
  });

  const parts = [tally.approve && `${tally.approve} approved`, tally.refuse && `${tally.refuse} refused`, tally.extend && `${tally.extend} given more time`].filter(Boolean);
  return {
    path,
    pdfPath,
    fingerprint: response.fingerprint,
    message:
      `Your answer to notice ${row.number}, signed by ${signer}: ${parts.join(', ')} (${count(answered.length, 'box', 'boxes')}). ` +
      `Send ${fileName} or its PDF to ${row.center_name}. Nothing is destroyed until the center carries out what you approved and sends its certificate.`,
  };
}

function answerText(answer: DispositionResponse['answers'][number], signer: string, noticeNumber: string): string {
  const why = answer.reason ? `: ${answer.reason}` : '';
  if (answer.answer === 'approve') return `Approved in writing by ${signer} on the answer to notice ${noticeNumber}${why}`;
  if (answer.answer === 'refuse') return `Refused by ${signer} on the answer to notice ${noticeNumber}${why}; review again on ${answer.reviewDate}`;
  return `More time asked by ${signer} until ${answer.extendTo} on the answer to notice ${noticeNumber}${why}`;
}
