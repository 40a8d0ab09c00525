// A records center takes in a department's signed answer to one of its notices. Everything is checked before anything
// is written: the format, the seal, that it answers a notice this center wrote (by number and seal) from the
// department it went to, that every box is on that notice once, and that each answer says what it must. An approval
// of a box now under a legal hold refuses the whole response: the department answers again without it. The same
// file twice changes nothing.
import type { TakenIn } from '../../../shared/api/contract-disposition';
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import { dispositionResponseSchema, type DispositionResponse } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';
import { recordedChange } from '../../center/center-change';
import { departmentMatchKey } from '../../center/department-store';
import { appendCustodyEvents, type NewCustodyEvent } from '../../custody/custody-events';
import { sealFingerprint } from '../../exchange/fingerprint';
import { centerDepartment, holdOnBox, noticeBoxesOf, type CenterNoticeRow } from './disposition-store';

const refuse = (message: string, fileName: string, field = 'file') =>
  new AppError('invalid-input', `${message} Nothing was changed.`, { field, file: fileName });

function readResponse(json: unknown, fileName: string): DispositionResponse {
  const parsed = dispositionResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length === 0 ? '(the whole file)' : issue.path.map(String).join('.');
    throw refuse(`${fileName} is not a complete disposition response: field ${field}: ${issue.message}.`, fileName, field);
  }
  // The seal is over the canonical form, so re-indenting the file keeps it valid; changing any value does not.
  if (sealFingerprint(parsed.data) !== parsed.data.fingerprint) {
    throw refuse(
      `${fileName} was changed after it was made: its content does not match its fingerprint. Ask ${parsed.data.department.name} to send its response again.`,
      fileName,
      'fingerprint',
    );
  }
  return parsed.data;
}

/** A time as one comparable form (responses may carry any UTC offset). */
const instant = (at: string) => new Date(at).toISOString();

export function importResponse(context: CatalogContext, json: unknown, fileName: string): TakenIn {
  const response = readResponse(json, fileName);
  const numberWords = response.notice.number;

  const notice = context.db.get<CenterNoticeRow>(
    'SELECT * FROM disposition_notice WHERE fingerprint = ? AND number = ? AND department_id IS NOT NULL',
    [response.notice.fingerprint, response.notice.number],
  );
  if (!notice) {
    throw refuse(
      `${fileName} answers another notice: this records center wrote no notice ${numberWords} sealed ${response.notice.fingerprint.slice(0, 12)}…. ` +
        'A response is taken in only by the center that wrote the notice it answers.',
      fileName,
      'notice',
    );
  }
  const seen = context.db.get<{ recorded_at: string }>('SELECT recorded_at FROM disposition_response WHERE fingerprint = ?', [response.fingerprint]);
  if (seen) {
    return {
      kind: 'response', id: notice.id, number: notice.number, alreadyImported: true,
      message: `This response to notice ${notice.number} was taken in already on ${seen.recorded_at.slice(0, 10)}: nothing changed.`,
    };
  }
  const department = centerDepartment(context, notice.department_id)!;
  if (departmentMatchKey(response.department) !== departmentMatchKey(department)) {
    throw refuse(
      `${fileName} is signed for ${response.department.name}, but notice ${notice.number} went to ${department.name}: only the department noticed can answer it.`,
      fileName,
      'department',
    );
  }

  const rows = noticeBoxesOf(context, notice.id);
  const byCode = new Map(rows.map((row) => [row.box_code, row]));
  const answered = new Set<string>();
  for (const [index, answer] of response.answers.entries()) {
    const field = `answers.${index}`;
    const row = byCode.get(answer.boxId);
    if (!row) throw refuse(`${fileName} answers for box ${answer.boxId}, which is not on notice ${notice.number}.`, fileName, `${field}.boxId`);
    if (answered.has(answer.boxId)) throw refuse(`${fileName} answers for box ${answer.boxId} twice: a box takes one answer.`, fileName, `${field}.boxId`);
    answered.add(answer.boxId);
    if (answer.answer === 'refuse' && answer.reason.trim() === '') {
      throw refuse(`${fileName} refuses box ${answer.boxId} without a reason: a refusal says why.`, fileName, `${field}.reason`);
    }
    if (answer.answer === 'refuse' && answer.reviewDate === null) {
      throw refuse(`${fileName} refuses box ${answer.boxId} without a review date: a refusal says when to look at the box again.`, fileName, `${field}.reviewDate`);
    }
    if (answer.answer === 'extend' && answer.extendTo === null) {
      throw refuse(`${fileName} asks more time for box ${answer.boxId} without saying until when (extendTo).`, fileName, `${field}.extendTo`);
    }
    const hold = answer.answer === 'approve' && row.executed === null ? holdOnBox(context, row.box_id) : null;
    if (hold) {
      throw refuse(
        `${fileName} approves box ${answer.boxId}, but box ${answer.boxId} is ${hold}: it cannot be approved for disposition; ` +
          `ask the department to answer again without it.`,
        fileName,
        `${field}.answer`,
      );
    }
  }

  const respondedAt = instant(response.respondedAt);
  const actor = `${response.signedBy.name}, ${response.signedBy.title} (${department.name})`;
  // A later answer replaces an earlier one for a box not yet carried out; an older response taken in late does not.
  const applied = response.answers.filter((answer) => {
    const row = byCode.get(answer.boxId)!;
    return row.executed === null && (row.answered_at === null || row.answered_at <= respondedAt);
  });
  recordedChange(context, `Take in ${department.name}’s response to notice ${notice.number}`, () => {
    const responseId = context.db.run(
      `INSERT INTO disposition_response (notice_id, json, fingerprint, signed_name, signed_title, responded_at, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [notice.id, JSON.stringify(response), response.fingerprint, response.signedBy.name, response.signedBy.title, response.respondedAt, context.now(), context.history.actor],
    ).lastInsertRowid;
    const events: NewCustodyEvent[] = [];
    for (const answer of applied) {
      const row = byCode.get(answer.boxId)!;
      const reason = answer.reason.trim();
      context.db.run(
        `UPDATE disposition_notice_box SET answer = ?, reason = ?, review_date = ?, extend_to = ?, answered_at = ?, response_id = ? WHERE id = ?`,
        [answer.answer, reason, answer.answer === 'refuse' ? answer.reviewDate : null, answer.answer === 'extend' ? answer.extendTo : null, respondedAt, responseId, row.id],
      );
      const text =
        answer.answer === 'approve'
          ? `Disposition approved by ${actor} on notice ${notice.number}`
          : answer.answer === 'refuse'
            ? `Disposition refused by ${actor} on notice ${notice.number}: ${reason}; review again from ${answer.reviewDate}`
            : `More time asked by ${actor} on notice ${notice.number}, until ${answer.extendTo}${reason ? `: ${reason}` : ''}`;
      events.push({
        boxId: row.box_id,
        transferId: context.db.get<{ accession_id: number }>('SELECT accession_id FROM holding_box WHERE id = ?', [row.box_id])?.accession_id ?? null,
        kind: answer.answer === 'approve' ? 'disposition-approved' : answer.answer === 'refuse' ? 'disposition-refused' : 'disposition-extended',
        at: respondedAt,
        actor,
        detail: { text, notice: notice.number, response: response.fingerprint },
      });
    }
    appendCustodyEvents(context, events);
    return responseId;
  });

  return { kind: 'response', id: notice.id, number: notice.number, alreadyImported: false, message: responseMessage(department.name, notice.number, response, applied) };
}

/** “Public Works approved 3 boxes, refused 1 (PW-2026-001-002: still in use), asked more time for 1.” */
function responseMessage(department: string, noticeNumber: string, response: DispositionResponse, applied: DispositionResponse['answers']): string {
  const approved = applied.filter((answer) => answer.answer === 'approve');
  const refused = applied.filter((answer) => answer.answer === 'refuse');
  const extended = applied.filter((answer) => answer.answer === 'extend');
  const parts: string[] = [];
  if (approved.length > 0) parts.push(`approved ${count(approved.length, 'box', 'boxes')}`);
  if (refused.length > 0) parts.push(`refused ${refused.length} (${refused.map((answer) => `${answer.boxId}: ${answer.reason.trim()}`).join('; ')})`);
  if (extended.length > 0) parts.push(`asked more time for ${extended.length}`);
  const kept = response.answers.length - applied.length;
  const head = parts.length > 0 ? `${department} ${parts.join(', ')} on notice ${noticeNumber}.` : `${department}’s response to notice ${noticeNumber} changed no answer.`;
  const keptWords = kept > 0 ? ` ${count(kept, 'answer')} ${kept === 1 ? 'was' : 'were'} kept as before: the box was already carried out, or a later answer was taken in first.` : '';
  return `${head}${keptWords}`;
}
