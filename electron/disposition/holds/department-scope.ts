// What a legal hold's scope covers in a department's catalog: a folder is covered when any part of the scope matches
// it (its box named, itself named, its series, its dates overlapping the range, or every word in its title); a box
// named is held whole. Title words use the catalog's full-text index as prefixes ("permit" finds "permits"): for a
// hold, finding a little too much is the safe side, and the preview shows what will be held before it is placed.
import type { HoldDetail } from '../../../shared/api/contract-disposition';
import { AppError } from '../../../shared/domain/errors';
import type { HoldScope } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';
import { ftsPrefixQuery } from '../../catalog/search-query';
import { emptyCoverage, inChunks, type Coverage } from './hold-store';

/** "oak st" → `title:oak* title:st*`: every word, in the title column only. */
export function titleWordsQuery(words: string): string | null {
  const query = ftsPrefixQuery(words);
  return query === null ? null : query.split(' ').map((word) => `title:${word}`).join(' ');
}

export function resolveDepartmentScope(context: CatalogContext, scope: HoldScope): Coverage {
  const coverage = emptyCoverage();
  const add = (rows: { id: number; box_id: number }[]) => {
    for (const row of rows) coverage.folders.set(row.id, row.box_id);
  };

  if (scope.boxIds.length > 0) {
    const found = new Set(inChunks(scope.boxIds, (marks, chunk) => context.db.column<number>(`SELECT id FROM box WHERE id IN (${marks})`, chunk)));
    const missing = scope.boxIds.find((id) => !found.has(id));
    if (missing !== undefined) throw new AppError('not-found', `There is no box with id ${missing} in this catalog: it may have been deleted. Nothing was placed.`, { field: 'scope.boxIds' });
    for (const boxId of found) coverage.wholeBoxes.add(boxId);
    add(inChunks([...found], (marks, chunk) => context.db.all<{ id: number; box_id: number }>(`SELECT id, box_id FROM folder WHERE box_id IN (${marks})`, chunk)));
  }
  if (scope.folderIds.length > 0) {
    const rows = inChunks(scope.folderIds, (marks, chunk) => context.db.all<{ id: number; box_id: number }>(`SELECT id, box_id FROM folder WHERE id IN (${marks})`, chunk));
    const found = new Set(rows.map((row) => row.id));
    const missing = scope.folderIds.find((id) => !found.has(id));
    if (missing !== undefined) throw new AppError('not-found', `There is no folder with id ${missing} in this catalog: it may have been deleted. Nothing was placed.`, { field: 'scope.folderIds' });
    add(rows);
  }
  if (scope.itemNumbers.length > 0) {
    // item_number is COLLATE NOCASE: "gs 1010" names GS 1010.
    const itemIds = context.db.column<number>(`SELECT id FROM schedule_item WHERE item_number IN (${scope.itemNumbers.map(() => '?').join(', ')})`, scope.itemNumbers);
    const known = new Set(context.db.column<string>('SELECT lower(item_number) FROM schedule_item'));
    const unknown = scope.itemNumbers.find((number) => !known.has(number.toLowerCase()));
    if (unknown !== undefined) {
      throw new AppError('not-found', `Series “${unknown}” is not in this catalog's retention schedule: check the item number. Nothing was placed.`, { field: 'scope.itemNumbers' });
    }
    add(inChunks(itemIds, (marks, chunk) => context.db.all<{ id: number; box_id: number }>(`SELECT id, box_id FROM folder WHERE schedule_item_id IN (${marks})`, chunk)));
  }
  if (scope.dateFrom !== null || scope.dateTo !== null) {
    // first_day/last_day are the real days a folder's dates can mean (derived.ts); an undated folder matches no range.
    const clauses: string[] = [];
    const params: string[] = [];
    if (scope.dateFrom !== null) {
      clauses.push('last_day IS NOT NULL AND last_day >= ?');
      params.push(scope.dateFrom);
    }
    if (scope.dateTo !== null) {
      clauses.push('first_day IS NOT NULL AND first_day <= ?');
      params.push(scope.dateTo);
    }
    add(context.db.all<{ id: number; box_id: number }>(`SELECT id, box_id FROM folder WHERE ${clauses.join(' AND ')}`, params));
  }
  const query = titleWordsQuery(scope.words);
  if (query !== null) {
    add(
      context.db.all<{ id: number; box_id: number }>(
        'SELECT f.id, f.box_id FROM (SELECT docid AS id FROM folder_search WHERE folder_search MATCH ?) m JOIN folder f ON f.id = m.id',
        [query],
      ),
    );
  }
  return coverage;
}

/** What a coverage holds, in the department's words: whole boxes, then single folders, in shelf order. */
export function departmentCovers(context: CatalogContext, coverage: Coverage, limit = Infinity): HoldDetail['covers'] {
  const covers: HoldDetail['covers'] = [];
  const boxes = [...coverage.wholeBoxes].sort((a, b) => a - b);
  const labels = new Map(
    inChunks(boxes, (marks, chunk) => context.db.all<{ id: number; label: string }>(`SELECT id, label FROM box WHERE id IN (${marks})`, chunk)).map((row) => [row.id, row.label]),
  );
  for (const boxId of boxes) {
    if (covers.length >= limit) return covers;
    covers.push({ boxId, boxLabel: labels.get(boxId) ?? `box ${boxId} (deleted)`, folderId: null, folderPosition: null, title: null });
  }
  const single = [...coverage.folders].filter(([, boxId]) => !coverage.wholeBoxes.has(boxId)).map(([folderId]) => folderId);
  const rows = inChunks(single, (marks, chunk) =>
    context.db.all<{ id: number; box_id: number; position: number; title: string; label: string }>(
      `SELECT f.id, f.box_id, f.position, f.title, b.label FROM folder f JOIN box b ON b.id = f.box_id WHERE f.id IN (${marks})`,
      chunk,
    ),
  ).sort((a, b) => a.box_id - b.box_id || a.position - b.position);
  for (const row of rows) {
    if (covers.length >= limit) break;
    covers.push({ boxId: row.box_id, boxLabel: row.label, folderId: row.id, folderPosition: row.position, title: row.title });
  }
  return covers;
}
