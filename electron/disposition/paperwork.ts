// Paperwork outlives the boxes: every exchange document kept, searchable, for the paperwork period after the records
// it concerns were destroyed. Nothing here deletes: the documents stay in the tables that recorded them (a sent
// transfer cannot be deleted, a destroyed box cannot be deleted), and this list only reads them and says until when
// they must be kept — the day the last of their boxes was destroyed (or sent to the archives) plus the period.
import type { PaperworkRow } from '../../shared/api/contract-disposition';
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import { DEFAULT_PAPERWORK_YEARS } from '../../shared/exchange/disposition';
import { recordedChange } from '../center/center-change';
import type { CatalogContext } from '../catalog/context';
import { readMeta, writeMeta } from '../catalog/open-catalog';
import { buildHoldFile } from './holds/hold-file-write';
import { boxesOf, coverageOf, isCenter } from './holds/hold-store';

interface Document {
  row: PaperworkRow;
  boxIds: number[];
  /** Words it is found by beyond its number and `about`: every box label it concerns. */
  labels: string[];
}

export function paperworkYears(context: CatalogContext): number {
  const stored = Number(readMeta(context.db, 'paperwork_years'));
  return Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_PAPERWORK_YEARS;
}

/** "2026-03-02" + 6 years → "2032-03-02" (29 February falls back to the 28th). */
export function addYears(day: string, years: number): string {
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  const last = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return `${year + years}-${String(month).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}

/** "PW-1, PW-2, PW-3" or "PW-1, PW-2 … PW-40". */
function labelWords(labels: string[]): string {
  if (labels.length <= 3) return labels.join(', ');
  return `${labels.slice(0, 2).join(', ')} … ${labels.at(-1)}`;
}

function boxesWords(labels: string[]): string {
  return labels.length === 0 ? 'no boxes' : `${count(labels.length, 'box', 'boxes')} (${labelWords(labels)})`;
}

/** Each box's id → label and the day it left for good (destroyed or sent to the archives), from its own events. */
function boxFacts(context: CatalogContext, center: boolean): { labels: Map<number, string>; goneAt: Map<number, string> } {
  const labels = new Map(context.db.all<{ id: number; label: string }>(`SELECT id, label FROM ${center ? 'holding_box' : 'box'}`).map((row) => [row.id, row.label]));
  const goneAt = new Map(
    context.db
      .all<{ box_id: number; at: string }>(
        "SELECT box_id, max(at) AS at FROM custody_event WHERE folder_id IS NULL AND kind IN ('disposed', 'transferred-to-archives') GROUP BY box_id",
      )
      .map((row) => [row.box_id, row.at]),
  );
  return { labels, goneAt };
}

/** Box ids by owner id, from a query answering (owner, box_id) pairs. */
function grouped(context: CatalogContext, sql: string): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const row of context.db.all<{ owner: number; box_id: number }>(sql)) {
    const list = groups.get(row.owner) ?? [];
    if (!list.includes(row.box_id)) list.push(row.box_id);
    groups.set(row.owner, list);
  }
  return groups;
}

function departmentDocuments(context: CatalogContext, labelOf: (ids: number[]) => string[]): Document[] {
  const docs: Document[] = [];
  const transferBoxes = grouped(context, 'SELECT transfer_id AS owner, box_id FROM transfer_box ORDER BY sequence');
  for (const t of context.db.all<{ id: number; number: string; fingerprint: string; sent_at: string; center: string | null }>(
    `SELECT t.id, t.number, t.fingerprint, t.sent_at, c.name AS center FROM transfer t LEFT JOIN records_center c ON c.id = t.records_center_id
     WHERE t.manifest_json IS NOT NULL`,
  )) {
    const boxIds = transferBoxes.get(t.id) ?? [];
    const labels = labelOf(boxIds);
    docs.push({ row: row('manifest', t.number, t.fingerprint, `Transfer ${t.number} to ${t.center ?? 'the records center'}: ${boxesWords(labels)}`, t.sent_at), boxIds, labels });
  }
  for (const a of context.db.all<{ transfer_id: number; fingerprint: string; accession_number: string; imported_at: string; number: string; center: string | null }>(
    `SELECT a.transfer_id, a.fingerprint, a.accession_number, a.imported_at, t.number, c.name AS center
     FROM acknowledgment a JOIN transfer t ON t.id = a.transfer_id LEFT JOIN records_center c ON c.id = t.records_center_id`,
  )) {
    const boxIds = transferBoxes.get(a.transfer_id) ?? [];
    const labels = labelOf(boxIds);
    docs.push({
      row: row('acknowledgment', a.accession_number, a.fingerprint, `${a.center ?? 'The records center'}'s acknowledgment of transfer ${a.number} as accession ${a.accession_number}: ${boxesWords(labels)}`, a.imported_at),
      boxIds, labels,
    });
  }
  const requestBoxes = grouped(context, 'SELECT request_id AS owner, box_id FROM retrieval_item ORDER BY id');
  for (const r of context.db.all<{ id: number; number: string; fingerprint: string; created_at: string; center_name: string }>(
    'SELECT id, number, fingerprint, created_at, center_name FROM retrieval_request',
  )) {
    const boxIds = requestBoxes.get(r.id) ?? [];
    const labels = labelOf(boxIds);
    docs.push({ row: row('retrieval-request', r.number, r.fingerprint, `Retrieval request ${r.number} to ${r.center_name}: ${boxesWords(labels)}`, r.created_at), boxIds, labels });
  }
  for (const u of context.db.all<{ request_id: number; number: string; fingerprint: string; issued_at: string; status: string; center_name: string }>(
    'SELECT u.request_id, r.number, u.fingerprint, u.issued_at, u.status, r.center_name FROM retrieval_update u JOIN retrieval_request r ON r.id = u.request_id',
  )) {
    const boxIds = requestBoxes.get(u.request_id) ?? [];
    const labels = labelOf(boxIds);
    docs.push({ row: row('retrieval-update', u.number, u.fingerprint, `${u.center_name}'s update of request ${u.number} (${u.status}): ${boxesWords(labels)}`, u.issued_at), boxIds, labels });
  }
  docs.push(...dispositionDocuments(context, labelOf, () => null));
  for (const hold of context.db.all<{ id: number; number: string; name: string; placed_at: string }>("SELECT id, number, name, placed_at FROM legal_hold WHERE origin = 'department'")) {
    let fingerprint = '';
    try {
      fingerprint = buildHoldFile(context, hold.id).file.fingerprint;
    } catch {
      // Nothing of it at a records center now: no file to send, but the hold is still paperwork.
    }
    const boxIds = boxesOf(coverageOf(context, hold.id));
    const labels = labelOf(boxIds);
    docs.push({ row: row('hold', hold.number, fingerprint, `Legal hold ${hold.number} “${hold.name}”: ${boxesWords(labels)}`, hold.placed_at), boxIds, labels });
    for (const ack of context.db.all<{ acknowledgment_fingerprint: string; center_name: string; state: string; taken_in_at: string }>(
      'SELECT acknowledgment_fingerprint, center_name, state, taken_in_at FROM legal_hold_file WHERE hold_id = ? AND acknowledgment_fingerprint IS NOT NULL',
      [hold.id],
    )) {
      const what = ack.state === 'lifted' ? 'lifted there' : `in force there: ${boxesWords(labels)}`;
      docs.push({ row: row('hold-acknowledgment', hold.number, ack.acknowledgment_fingerprint, `${ack.center_name}'s acknowledgment of legal hold ${hold.number} “${hold.name}”, ${what}`, ack.taken_in_at), boxIds, labels });
    }
  }
  return docs;
}

/** Notices, responses and certificates: the same tables on both sides (box_id names a holding box at a center). */
function dispositionDocuments(context: CatalogContext, labelOf: (ids: number[]) => string[], departmentOf: (id: number | null) => string | null): Document[] {
  const docs: Document[] = [];
  const noticeBoxes = grouped(context, 'SELECT notice_id AS owner, box_id FROM disposition_notice_box ORDER BY id');
  const certificateBoxes = grouped(context, 'SELECT certificate_id AS owner, box_id FROM disposition_notice_box WHERE certificate_id IS NOT NULL ORDER BY id');
  const notices = context.db.all<{ id: number; number: string; fingerprint: string; issued_at: string; center_name: string; department_id: number | null }>(
    'SELECT id, number, fingerprint, issued_at, center_name, department_id FROM disposition_notice',
  );
  const noticeById = new Map(notices.map((notice) => [notice.id, notice]));
  for (const notice of notices) {
    const boxIds = noticeBoxes.get(notice.id) ?? [];
    const labels = labelOf(boxIds);
    const to = departmentOf(notice.department_id);
    docs.push({
      row: row('notice', notice.number, notice.fingerprint, `Disposition notice ${notice.number} from ${notice.center_name}${to ? ` to ${to}` : ''}: ${boxesWords(labels)}`, notice.issued_at),
      boxIds, labels,
    });
  }
  for (const response of context.db.all<{ notice_id: number; fingerprint: string; signed_name: string; signed_title: string; responded_at: string }>(
    'SELECT notice_id, fingerprint, signed_name, signed_title, responded_at FROM disposition_response',
  )) {
    const notice = noticeById.get(response.notice_id);
    const boxIds = noticeBoxes.get(response.notice_id) ?? [];
    const labels = labelOf(boxIds);
    const number = notice?.number ?? '';
    docs.push({
      row: row('response', number, response.fingerprint, `Response to disposition notice ${number}, signed by ${response.signed_name}, ${response.signed_title}: ${boxesWords(labels)}`, response.responded_at),
      boxIds, labels,
    });
  }
  for (const certificate of context.db.all<{ id: number; notice_id: number; number: string; fingerprint: string; issued_at: string }>(
    'SELECT id, notice_id, number, fingerprint, issued_at FROM disposition_certificate',
  )) {
    const boxIds = certificateBoxes.get(certificate.id) ?? noticeBoxes.get(certificate.notice_id) ?? [];
    const labels = labelOf(boxIds);
    const notice = noticeById.get(certificate.notice_id);
    docs.push({
      row: row('certificate', certificate.number, certificate.fingerprint, `Certificate ${certificate.number} of what was done under notice ${notice?.number ?? ''}: ${boxesWords(labels)}`, certificate.issued_at),
      boxIds, labels,
    });
  }
  return docs;
}

function centerDocuments(context: CatalogContext, labelOf: (ids: number[]) => string[]): Document[] {
  const docs: Document[] = [];
  const departments = new Map(context.db.all<{ id: number; name: string }>('SELECT id, name FROM center_department').map((each) => [each.id, each.name]));
  const accessionBoxes = grouped(context, 'SELECT accession_id AS owner, id AS box_id FROM holding_box ORDER BY sequence, id');
  for (const a of context.db.all<{
    id: number; department_id: number; transfer_number: string; accession_number: string; manifest_fingerprint: string; received_at: string;
    acknowledged_at: string | null; acknowledgment_fingerprint: string | null;
  }>('SELECT id, department_id, transfer_number, accession_number, manifest_fingerprint, received_at, acknowledged_at, acknowledgment_fingerprint FROM accession')) {
    const boxIds = accessionBoxes.get(a.id) ?? [];
    const labels = labelOf(boxIds);
    const department = departments.get(a.department_id) ?? 'a department';
    docs.push({
      row: row('manifest', a.transfer_number, a.manifest_fingerprint, `Transfer ${a.transfer_number} from ${department}, accession ${a.accession_number}: ${boxesWords(labels)}`, a.received_at),
      boxIds, labels,
    });
    if (a.acknowledgment_fingerprint) {
      docs.push({
        row: row('acknowledgment', a.accession_number, a.acknowledgment_fingerprint, `Acknowledgment to ${department} of transfer ${a.transfer_number} as accession ${a.accession_number}: ${boxesWords(labels)}`, a.acknowledged_at ?? a.received_at),
        boxIds, labels,
      });
    }
  }
  const requestBoxes = grouped(context, 'SELECT request_id AS owner, holding_box_id AS box_id FROM center_request_item ORDER BY id');
  for (const r of context.db.all<{ id: number; department_id: number; number: string; fingerprint: string; received_at: string }>(
    'SELECT id, department_id, number, fingerprint, received_at FROM center_request',
  )) {
    const boxIds = requestBoxes.get(r.id) ?? [];
    const labels = labelOf(boxIds);
    docs.push({ row: row('retrieval-request', r.number, r.fingerprint, `Retrieval request ${r.number} from ${departments.get(r.department_id) ?? 'a department'}: ${boxesWords(labels)}`, r.received_at), boxIds, labels });
  }
  docs.push(...dispositionDocuments(context, labelOf, (id) => (id === null ? null : departments.get(id) ?? null)));
  for (const hold of context.db.all<{ id: number; number: string; name: string; fingerprint: string; placed_at: string; department_id: number | null }>(
    "SELECT id, number, name, fingerprint, placed_at, department_id FROM legal_hold WHERE origin = 'department-file' AND fingerprint IS NOT NULL",
  )) {
    const boxIds = boxesOf(coverageOf(context, hold.id));
    const labels = labelOf(boxIds);
    const from = hold.department_id === null ? 'a department' : departments.get(hold.department_id) ?? 'a department';
    docs.push({ row: row('hold', hold.number, hold.fingerprint, `Legal hold ${hold.number} “${hold.name}” from ${from}: ${boxesWords(labels)}`, hold.placed_at), boxIds, labels });
  }
  return docs;
}

function row(kind: PaperworkRow['kind'], number: string, fingerprint: string, about: string, at: string): PaperworkRow {
  return { kind, number, fingerprint, about, at, keepUntil: null };
}

function matches(doc: Document, query: string): boolean {
  if (!query) return true;
  const lower = query.toLowerCase();
  if (doc.row.number.toLowerCase().includes(lower)) return true;
  if (/^[0-9a-f]{4,64}$/.test(lower) && doc.row.fingerprint.startsWith(lower)) return true;
  const text = `${doc.row.number} ${doc.row.about} ${doc.labels.join(' ')}`.toLowerCase();
  return lower.split(/\s+/).filter(Boolean).every((word) => text.includes(word));
}

export function listPaperwork(context: CatalogContext, query: string, limit: number): { years: number; rows: PaperworkRow[] } {
  const years = paperworkYears(context);
  const center = isCenter(context);
  const { labels, goneAt } = boxFacts(context, center);
  const labelOf = (ids: number[]) => ids.map((id) => labels.get(id) ?? `box ${id}`);
  const docs = center ? centerDocuments(context, labelOf) : departmentDocuments(context, labelOf);
  const wanted = query.trim();
  return {
    years,
    rows: docs
      .filter((doc) => matches(doc, wanted))
      .map((doc) => {
        // Kept while any of its records exists; then for the period after the last of them went.
        const gone = doc.boxIds.map((id) => goneAt.get(id));
        const last = doc.boxIds.length > 0 && gone.every((at) => at !== undefined) ? gone.reduce((a, b) => (a! > b! ? a : b))! : null;
        return { ...doc.row, keepUntil: last === null ? null : addYears(last, years) };
      })
      .sort((a, b) => b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind))
      .slice(0, limit),
  };
}

export function setPaperworkYears(context: CatalogContext, years: number): { years: number } {
  if (!Number.isInteger(years) || years < 1 || years > 100) {
    throw new AppError('invalid-input', `Keep paperwork for a whole number of years from 1 to 100 (not ${years}).`, { field: 'years' });
  }
  recordedChange(context, `Keep paperwork ${count(years, 'year')} after the records are destroyed`, () => writeMeta(context.db, 'paperwork_years', String(years)));
  return { years };
}
