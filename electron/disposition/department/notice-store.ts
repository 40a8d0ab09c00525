// The notice rows both sides keep (disposition_notice and its boxes), read the same way by the answer, the
// certificate and the lists.
import { AppError } from '../../../shared/domain/errors';
import type { DispositionAnswer, DispositionNotice, ExecutedAction, ProposedAction } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';

export interface NoticeRow {
  id: number;
  department_id: number | null;
  number: string;
  center_name: string;
  period_from: string;
  period_to: string;
  issued_at: string;
  respond_by: string;
  fingerprint: string;
  recorded_at: string;
  recorded_by: string;
}

export interface NoticeBoxRow {
  id: number;
  notice_id: number;
  box_id: number;
  box_code: string;
  action: ProposedAction;
  answer: DispositionAnswer | null;
  reason: string;
  review_date: string | null;
  extend_to: string | null;
  answered_at: string | null;
  response_id: number | null;
  executed: ExecutedAction | null;
  executed_at: string | null;
  method: string | null;
  witness: string | null;
  certificate_id: number | null;
}

const NOTICE_COLUMNS = 'id, department_id, number, center_name, period_from, period_to, issued_at, respond_by, fingerprint, recorded_at, recorded_by';

export function getNoticeRow(context: CatalogContext, id: number): NoticeRow {
  const row = context.db.get<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM disposition_notice WHERE id = ?`, [id]);
  if (!row) throw new AppError('not-found', `There is no disposition notice ${id} in this catalog.`, { field: 'id' });
  return row;
}

export function listNoticeRows(context: CatalogContext): NoticeRow[] {
  return context.db.all<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM disposition_notice ORDER BY issued_at DESC, id DESC`);
}

/** The notice as it was written or taken in (only read when its boxes' words are needed: it can be megabytes). */
export function noticeJson(context: CatalogContext, id: number): DispositionNotice {
  return JSON.parse(context.db.get<{ json: string }>('SELECT json FROM disposition_notice WHERE id = ?', [id])!.json) as DispositionNotice;
}

export function noticeBoxRows(context: CatalogContext, noticeId: number): NoticeBoxRow[] {
  return context.db.all<NoticeBoxRow>('SELECT * FROM disposition_notice_box WHERE notice_id = ? ORDER BY id', [noticeId]);
}
