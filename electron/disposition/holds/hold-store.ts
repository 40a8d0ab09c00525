// Legal holds as the catalog keeps them, the same on both sides: the hold as placed and lifted (legal_hold) and what
// it covers (legal_hold_item). A whole box is kept as a row without a folder AND a row for each of its folders, so
// "is this folder held by another active hold?" is one lookup on folder rows, and lifting clears exactly what the
// hold covered when it was placed. In a department's catalog box_id/folder_id name its boxes and folders; at a
// records center they name holding boxes and folders.
import type { HoldSummary } from '../../../shared/api/contract-disposition';
import { AppError } from '../../../shared/domain/errors';
import { pad } from '../../../shared/domain/words';
import { holdScopeSchema, type HoldScope } from '../../../shared/exchange/disposition';
import { transferPrefix } from '../../../shared/transfer/numbering';
import type { CatalogContext } from '../../catalog/context';
import { readMeta } from '../../catalog/open-catalog';

export interface HoldRow {
  id: number;
  number: string;
  name: string;
  matter: string;
  requested_by: string;
  scope: string;
  origin: HoldSummary['origin'];
  department_id: number | null;
  fingerprint: string | null;
  placed_at: string;
  placed_by: string;
  lifted_at: string | null;
  lifted_by: string | null;
  lift_reason: string | null;
  /** At a center, for a department's hold: when its latest file was taken in, and by whom. */
  taken_in_at: string | null;
  taken_in_by: string | null;
}

/** What a scope resolves to: boxes held whole, and every folder held (a whole box's folders included). */
export interface Coverage {
  wholeBoxes: Set<number>;
  /** Folder id → its box id. */
  folders: Map<number, number>;
}

export const emptyCoverage = (): Coverage => ({ wholeBoxes: new Set(), folders: new Map() });

/** The boxes a coverage touches: whole ones and those holding a covered folder. */
export function boxesOf(coverage: Coverage): number[] {
  return [...new Set([...coverage.wholeBoxes, ...coverage.folders.values()])].sort((a, b) => a - b);
}

export function isCenter(context: CatalogContext): boolean {
  return readMeta(context.db, 'role') === 'records-center';
}

/** Runs a query for each slice of a long id list: SQLite binds a limited number of parameters. */
export function inChunks<T>(ids: readonly number[], query: (marks: string, chunk: number[]) => T[]): T[] {
  const found: T[] = [];
  for (let at = 0; at < ids.length; at += 500) {
    const chunk = ids.slice(at, at + 500);
    found.push(...query(chunk.map(() => '?').join(', '), chunk));
  }
  return found;
}

/** The same for a statement that answers nothing, run on each slice. */
export function inEachChunk(ids: readonly number[], run: (marks: string, chunk: number[]) => void): void {
  inChunks(ids, (marks, chunk) => {
    run(marks, chunk);
    return [];
  });
}

/** A scope with nothing in it would hold nothing, or (read loosely) everything: neither is what anyone means. */
export function assertScopeSaysSomething(scope: HoldScope): void {
  const empty =
    scope.itemNumbers.length === 0 && scope.boxIds.length === 0 && scope.folderIds.length === 0 &&
    scope.dateFrom === null && scope.dateTo === null && scope.words.trim() === '';
  if (empty) {
    throw new AppError(
      'invalid-input',
      'Say what the hold covers: a series (schedule item), a date range, boxes, folders, or words in folder titles. Nothing was placed.',
      { field: 'scope' },
    );
  }
  if (scope.dateFrom && scope.dateTo && scope.dateFrom > scope.dateTo) {
    throw new AppError('invalid-input', `The hold's date range runs backwards (${scope.dateFrom} to ${scope.dateTo}): give the earlier date first.`, {
      field: 'scope.dateFrom',
    });
  }
}

export function normalizeScope(scope: Partial<HoldScope>): HoldScope {
  return holdScopeSchema.parse(scope);
}

/** "PW-LH-2026-0003": the catalog's prefix, then the next number free this year (numbers are never reused). */
export function nextHoldNumber(context: CatalogContext, prefix: string, year: number): string {
  const head = `${prefix}-LH-${year}-`;
  let highest = 0;
  for (const number of context.db.column<string>('SELECT number FROM legal_hold WHERE number LIKE ?', [`${head}%`])) {
    const rest = number.slice(head.length);
    if (/^\d{1,9}$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${head}${pad(highest + 1, 4)}`;
}

/** The catalog's own prefix: its code, else the initials of its name ("City Records Center" → "CRC"). */
export function holdPrefix(context: CatalogContext): string {
  const row = context.db.get<{ name: string; code: string }>('SELECT name, code FROM department WHERE id = 1');
  const initials = (row?.name ?? '').split(/\s+/).map((word) => word.charAt(0)).join('');
  return transferPrefix(row?.code || initials);
}

export function holdRow(context: CatalogContext, id: number): HoldRow {
  const row = context.db.get<HoldRow>('SELECT * FROM legal_hold WHERE id = ?', [id]);
  if (!row) throw new AppError('not-found', `There is no legal hold with id ${id}. Open the list of holds and choose one from it.`, { field: 'id' });
  return row;
}

export interface NewHold {
  number: string;
  name: string;
  matter: string;
  requestedBy: string;
  scope: HoldScope;
  origin: HoldSummary['origin'];
  departmentId: number | null;
  fingerprint: string | null;
  placedAt: string;
  placedBy: string;
}

/** Inside the caller's change: the hold and every item it covers. */
export function insertHold(context: CatalogContext, hold: NewHold, coverage: Coverage): number {
  const id = context.db.run(
    `INSERT INTO legal_hold (number, name, matter, requested_by, scope, origin, department_id, fingerprint, placed_at, placed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      hold.number, hold.name, hold.matter, hold.requestedBy, JSON.stringify(hold.scope), hold.origin, hold.departmentId, hold.fingerprint,
      hold.placedAt, hold.placedBy,
    ],
  ).lastInsertRowid;
  insertItems(context, id, coverage);
  return id;
}

export function insertItems(context: CatalogContext, holdId: number, coverage: Coverage): void {
  context.db.runMany('INSERT INTO legal_hold_item (hold_id, box_id, folder_id) VALUES (?, ?, NULL)', [...coverage.wholeBoxes].map((boxId) => [holdId, boxId]));
  context.db.runMany('INSERT INTO legal_hold_item (hold_id, box_id, folder_id) VALUES (?, ?, ?)', [...coverage.folders].map(([folderId, boxId]) => [holdId, boxId, folderId]));
}

/** What a hold covers, as kept. */
export function coverageOf(context: CatalogContext, holdId: number): Coverage {
  const coverage = emptyCoverage();
  for (const item of context.db.all<{ box_id: number; folder_id: number | null }>('SELECT box_id, folder_id FROM legal_hold_item WHERE hold_id = ?', [holdId])) {
    if (item.folder_id === null) coverage.wholeBoxes.add(item.box_id);
    else coverage.folders.set(item.folder_id, item.box_id);
  }
  return coverage;
}

/** For each folder, the name of another active hold covering it (the earliest placed), if any. */
export function otherActiveHolds(context: CatalogContext, folderIds: readonly number[], exceptHoldId: number): Map<number, string> {
  const rows = inChunks(folderIds, (marks, chunk) =>
    context.db.all<{ folder_id: number; name: string }>(
      `SELECT i.folder_id, h.name FROM legal_hold_item i JOIN legal_hold h ON h.id = i.hold_id
       WHERE i.folder_id IN (${marks}) AND h.lifted_at IS NULL AND h.id <> ? ORDER BY h.placed_at DESC, h.id DESC`,
      [...chunk, exceptHoldId],
    ),
  );
  // Ordered newest first, so the earliest placed is the one left in the map.
  return new Map(rows.map((row) => [row.folder_id, row.name]));
}

export function recordLift(context: CatalogContext, holdId: number, lift: { at: string; by: string; reason: string }): void {
  context.db.run('UPDATE legal_hold SET lifted_at = ?, lifted_by = ?, lift_reason = ? WHERE id = ?', [lift.at, lift.by, lift.reason, holdId]);
}

export function refuseLifted(row: HoldRow): never {
  throw new AppError(
    'invalid-input',
    `Legal hold ${row.number} “${row.name}” was lifted already on ${row.lifted_at!.slice(0, 10)}${row.lift_reason ? ` (${row.lift_reason})` : ''}. Nothing was changed.`,
    { field: 'id' },
  );
}

export function toSummary(context: CatalogContext, row: HoldRow): HoldSummary {
  const counts = context.db.get<{ boxes: number; folders: number }>(
    'SELECT count(DISTINCT box_id) AS boxes, count(folder_id) AS folders FROM legal_hold_item WHERE hold_id = ?',
    [row.id],
  )!;
  const file = context.db.get<{ state: 'in-force' | 'lifted'; written_at: string; center_name: string; taken_in_at: string | null }>(
    'SELECT state, written_at, center_name, taken_in_at FROM legal_hold_file WHERE hold_id = ? ORDER BY written_at DESC, id DESC LIMIT 1',
    [row.id],
  );
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    matter: row.matter,
    requestedBy: row.requested_by,
    origin: row.origin,
    placedAt: row.placed_at,
    placedBy: row.placed_by,
    liftedAt: row.lifted_at,
    liftReason: row.lift_reason,
    boxes: counts.boxes,
    folders: counts.folders,
    latestFile: file ? { state: file.state, writtenAt: file.written_at, center: file.center_name, acknowledgedAt: file.taken_in_at } : null,
  };
}

export function listHoldRows(context: CatalogContext, show: 'active' | 'all'): HoldRow[] {
  return context.db.all<HoldRow>(
    `SELECT * FROM legal_hold ${show === 'active' ? 'WHERE lifted_at IS NULL' : ''} ORDER BY lifted_at IS NOT NULL, placed_at DESC, id DESC`,
  );
}

export function scopeOf(row: HoldRow): HoldScope {
  const parsed = holdScopeSchema.safeParse(JSON.parse(row.scope));
  return parsed.success ? parsed.data : normalizeScope({});
}
