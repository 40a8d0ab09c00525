// A records center's disposition: what is due in a period, one notice per department, and carrying out what the
// department approved (never a held box), with its certificate.
import type { DueList, FilesWritten } from '../../../shared/api/contract-disposition';
import { buildNoticePdf } from '../../../shared/documents/disposition-pdf';
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import {
  DISPOSITION_MEANING,
  DISPOSITION_NOTICE_FORMAT,
  dispositionActionWords,
  dispositionNoticeSchema,
  type DispositionNotice,
  type NoticeBox,
} from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';
import { getDepartment } from '../../catalog/profile-store';
import { recordedChange } from '../../center/center-change';
import { noticeDays } from '../../center/center-settings';
import { appendCustodyEvents } from '../../custody/custody-events';
import { loadFonts } from '../../exchange/fonts';
import { addCalendarDays, nextPaperNumber, paperFileName, paperNumberTaken, sealAndCheck, writePaper } from './disposition-paper';
import { centerDepartment, foldersOf, scheduleItemsReader, type CandidateBoxRow } from './disposition-store';
import { executeApproved, type ExecuteInput } from './disposition-execute';
import { buildDueList, classifyBoxes, type Classified } from './due-list';

export type { ExecuteInput } from './disposition-execute';

const refuse = (message: string, field?: string) => new AppError('invalid-input', message, field ? { field } : undefined);

function checkPeriod(from: string, to: string): void {
  if (from > to) throw refuse(`The period starts on ${from}, after it ends on ${to}: give the first day, then the last.`, 'to');
}

export function dueList(context: CatalogContext, from: string, to: string): DueList {
  checkPeriod(from, to);
  return buildDueList(context, from, to);
}

/** `noticeDays` states another period for this notice only; without it the center's own setting applies. */
export interface WriteNoticeInput { departmentId: number; from: string; to: string; noticeDays?: number; outDir: string }

/** A box on the notice as the department knows it, with the series its folders are kept under. */
function noticeBox(context: CatalogContext, each: Extract<Classified, { kind: 'due' }>, itemsOf: ReturnType<typeof scheduleItemsReader>): NoticeBox {
  const row: CandidateBoxRow = each.row;
  const folders = foldersOf(context, row.id);
  const items = itemsOf(row.accession_id);
  const numbers = [...new Set([...each.box.itemNumbers, ...folders.flatMap((folder) => (folder.item_number ? [folder.item_number] : []))])];
  return {
    transferNumber: row.transfer_number,
    manifestFingerprint: row.manifest_fingerprint,
    accessionNumber: row.accession_number,
    boxSequence: row.sequence!,
    boxId: row.box_code!,
    boxLabel: row.label,
    centerBoxNumber: each.box.centerBoxNumber,
    dispositionDate: each.box.dispositionDate,
    action: each.box.action,
    confidential: each.box.confidential,
    series: numbers.map((itemNumber) => {
      const item = items.get(itemNumber);
      return { itemNumber, title: item?.title ?? '', retentionText: item?.retentionText ?? '', citation: item?.citation ?? '' };
    }),
    folders: folders.map((folder) => ({
      position: folder.position,
      title: folder.title,
      fileCode: folder.file_code,
      beginDate: folder.begin_date,
      endDate: folder.end_date,
      itemNumber: folder.item_number,
    })),
  };
}

export async function writeNotice(
  context: CatalogContext,
  input: WriteNoticeInput,
): Promise<Omit<FilesWritten, 'download' | 'pdfDownload'> & { id: number; number: string; respondBy: string; boxes: number }> {
  checkPeriod(input.from, input.to);
  const department = centerDepartment(context, input.departmentId);
  if (!department) throw new AppError('not-found', `This records center holds no records of a department numbered ${input.departmentId}.`, { field: 'departmentId' });
  const period = `from ${input.from} to ${input.to}`;
  const classified = classifyBoxes(context, input.from, input.to, department.id);
  const due = classified.filter((each): each is Extract<Classified, { kind: 'due' }> => each.kind === 'due');
  if (due.length === 0) {
    const leftOut = classified.length > 0 ? ` (${count(classified.length, 'box', 'boxes')} due in it ${classified.length === 1 ? 'is' : 'are'} left out: see the due list for why)` : '';
    throw refuse(`${department.name} has no box due for disposition ${period}${leftOut}: no notice was written.`, 'departmentId');
  }

  const issuedAt = context.now();
  const year = Number(issuedAt.slice(0, 4));
  const number = nextPaperNumber(context, 'DN', department, year);
  const days = input.noticeDays ?? noticeDays(context);
  const respondBy = addCalendarDays(issuedAt.slice(0, 10), days);
  // In a records center's catalog, the catalog's own profile is the center's.
  const center = getDepartment(context);
  const itemsOf = scheduleItemsReader(context);
  const unsealed: Omit<DispositionNotice, 'fingerprint'> = {
    format: DISPOSITION_NOTICE_FORMAT,
    notice: { number, issuedAt, period: { from: input.from, to: input.to }, respondBy, meaning: DISPOSITION_MEANING },
    department: { name: department.name, code: department.code },
    recordsCenter: { name: center.name, contactName: center.contactName, contactPhone: center.contactPhone, contactEmail: center.contactEmail, noticeDays: days },
    boxes: due.map((each) => noticeBox(context, each, itemsOf)),
  };
  const notice = sealAndCheck(unsealed, dispositionNoticeSchema, `The disposition notice ${number}`);
  const pdf = await buildNoticePdf(notice, { fingerprint: notice.fingerprint, ...(await loadFonts()) });
  const { path, pdfPath } = await writePaper(input.outDir, paperFileName(number, 'disposition-notice'), notice, pdf);

  const id = recordedChange(context, `Write disposition notice ${number} to ${department.name}`, () => {
    // The files were written outside the transaction: what changed meanwhile is checked again here.
    if (paperNumberTaken(context, 'DN', number)) throw refuse(`Another notice numbered ${number} was written meanwhile: write this one again.`);
    const now = classifyBoxes(context, input.from, input.to, department.id);
    const stillDue = new Set(now.filter((each) => each.kind === 'due').map((each) => each.row.id));
    const gone = due.find((each) => !stillDue.has(each.row.id));
    if (gone) throw refuse(`Box ${gone.box.boxCode} changed while the notice was being written (a hold, a retrieval or another notice): write the notice again.`);
    const noticeId = context.db.run(
      `INSERT INTO disposition_notice (department_id, number, center_name, period_from, period_to, issued_at, respond_by, json, fingerprint, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [department.id, number, center.name, input.from, input.to, issuedAt, respondBy, JSON.stringify(notice), notice.fingerprint, issuedAt, context.history.actor],
    ).lastInsertRowid;
    context.db.runMany(
      'INSERT INTO disposition_notice_box (notice_id, box_id, box_code, action) VALUES (?, ?, ?, ?)',
      due.map((each) => [noticeId, each.row.id, each.box.boxCode, each.box.action]),
    );
    appendCustodyEvents(
      context,
      due.map((each) => ({
        boxId: each.row.id,
        transferId: each.row.accession_id,
        kind: 'disposition-noticed' as const,
        at: issuedAt,
        detail: {
          text: `On disposition notice ${number} to ${department.name}: ${dispositionActionWords[each.box.action].toLowerCase()}; answer due by ${respondBy}`,
          notice: number,
        },
      })),
    );
    return noticeId;
  });

  const archives = due.filter((each) => each.box.action === 'transfer-to-archives').length;
  const what = archives === 0 ? count(due.length, 'box', 'boxes') : `${count(due.length, 'box', 'boxes')} (${archives} to the archives)`;
  return {
    id,
    number,
    respondBy,
    boxes: due.length,
    path,
    pdfPath,
    fingerprint: notice.fingerprint,
    message:
      `Notice ${number} lists ${what} of ${department.name} due ${period}; the answer is due by ${respondBy}. ` +
      `Send ${paperFileName(number, 'disposition-notice')} or its PDF to the department. Nothing is destroyed without its written approval.`,
  };
}

export async function executeNotice(
  context: CatalogContext,
  input: ExecuteInput,
): Promise<Omit<FilesWritten, 'download' | 'pdfDownload'> & { certificateId: number; number: string; boxes: number }> {
  return executeApproved(context, input);
}
