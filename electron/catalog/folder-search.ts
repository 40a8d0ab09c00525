// Listing and searching folders over a million rows. Browsing pages in shelf order through the (box, position)
// index; a text search streams the full-text index in folder-id order and stops at the page, so the cost follows
// the page, not the number of matches (a common word matches 400,000 folders at 1M), and counts up to a limit.
import { SEARCH_COUNT_LIMIT, type FolderFilter, type Page } from '../../shared/api/contract';
import type { Folder } from '../../shared/domain/types';
import type { CatalogContext } from './context';
import { BOX_STATUS_SQL } from '../custody/box-status';
import { FOLDER_SELECT, type FolderRow } from './rows';
import { foldersWithWhere } from './folder-store';
import { ftsPrefixQuery, likePattern } from './search-query';

type Clause = { sql: string; params: (string | number)[] };

/** Filters other than the text query, as one WHERE fragment over folder f. */
function filterClauses(filter: FolderFilter): Clause {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (filter.boxId) add('f.box_id = ?', filter.boxId);
  if (filter.scheduleItemId) add('f.schedule_item_id = ?', filter.scheduleItemId);
  if (filter.yearFrom) add('f.last_day >= ?', `${filter.yearFrom}-01-01`);
  if (filter.yearTo) add('f.first_day <= ?', `${filter.yearTo}-12-31`);
  if (filter.boxStatus) add(`f.box_id IN (SELECT b.id FROM box b WHERE ${BOX_STATUS_SQL} = ?)`, filter.boxStatus);
  if (filter.dispositionYear) add('f.disposition_date BETWEEN ? AND ?', `${filter.dispositionYear}-01-01`, `${filter.dispositionYear}-12-31`);
  if (filter.dispositionStatus) add('f.disposition_status = ?', filter.dispositionStatus);
  return { sql: clauses.join(' AND '), params };
}

/**
 * The ids a text query matches, ascending, at most `limit`: words in title, file code or notes (the full-text index,
 * walked in id order), merged with folders of any series whose title or number contains the query. The streams are
 * merged here rather than with UNION, which would first gather every match (445,000 for "per" at 1M folders).
 */
function matchingIds(context: CatalogContext, query: string, filters: Clause, limit: number): number[] {
  const where = filters.sql ? `AND ${filters.sql}` : '';
  const streams: number[][] = [];
  const fts = ftsPrefixQuery(query);
  if (fts) {
    // CROSS JOIN keeps SQLite walking the matches in id order, so LIMIT stops the walk early.
    streams.push(
      context.db.column<number>(
        `SELECT f.id FROM (SELECT docid AS id FROM folder_search WHERE folder_search MATCH ?) m CROSS JOIN folder f ON f.id = m.id
         WHERE 1 = 1 ${where} LIMIT ?`,
        [fts, ...filters.params, limit],
      ),
    );
  }
  const pattern = likePattern(query);
  const seriesIds = context.db.column<number>(
    `SELECT id FROM schedule_item WHERE title LIKE ? ESCAPE '\\' OR item_number LIKE ? ESCAPE '\\'`,
    [pattern, pattern],
  );
  for (const seriesId of seriesIds) {
    streams.push(
      context.db.column<number>(
        `SELECT f.id FROM folder f INDEXED BY folder_schedule_item WHERE f.schedule_item_id = ? ${where} ORDER BY f.id LIMIT ?`,
        [seriesId, ...filters.params, limit],
      ),
    );
  }
  return mergeAscending(streams, limit);
}

/** Merges ascending id lists into one ascending list without duplicates, stopping at limit. */
export function mergeAscending(streams: number[][], limit: number): number[] {
  if (streams.length === 1) return streams[0].slice(0, limit);
  const merged: number[] = [];
  const positions = streams.map(() => 0);
  while (merged.length < limit) {
    let smallest = Infinity;
    for (let index = 0; index < streams.length; index += 1) {
      const value = streams[index][positions[index]];
      if (value !== undefined && value < smallest) smallest = value;
    }
    if (smallest === Infinity) break;
    merged.push(smallest);
    for (let index = 0; index < streams.length; index += 1) {
      if (streams[index][positions[index]] === smallest) positions[index] += 1;
    }
  }
  return merged;
}

const cache = new WeakMap<CatalogContext, { version: number; entries: Map<string, unknown> }>();

/** Remembers counts and match lists until the catalog changes: scrolling asks for many pages of the same list. */
function cached<T>(context: CatalogContext, key: string, compute: () => T): T {
  let entry = cache.get(context);
  if (!entry || entry.version !== context.version.value) {
    entry = { version: context.version.value, entries: new Map() };
    cache.set(context, entry);
  }
  if (!entry.entries.has(key)) {
    if (entry.entries.size > 100) entry.entries.clear();
    entry.entries.set(key, compute());
  }
  return entry.entries.get(key) as T;
}

export function listFolders(context: CatalogContext, filter: FolderFilter, offset: number, limit: number): Page<Folder> {
  const filters = filterClauses(filter);
  const query = filter.query?.trim() ?? '';
  if (!query) {
    const where = filters.sql ? `WHERE ${filters.sql}` : '';
    const total = cached(context, JSON.stringify(filters), () =>
      context.db.get<{ n: number }>(`SELECT count(*) AS n FROM folder f ${where}`, filters.params)!.n,
    );
    // Shelf order: box, then folder number (box ids follow the order boxes were added). OFFSET walks every row
    // before the page (280 ms deep into 1M folders), so a page starts from the nearest row already served.
    const anchor = offset > 0 ? nearestAnchor(context, filters, offset) : null;
    const after = anchor ? `${where ? `${where} AND` : 'WHERE'} (f.box_id, f.position, f.id) > (?, ?, ?)` : where;
    const rows = context.db.all<FolderRow>(`${FOLDER_SELECT} ${after} ORDER BY f.box_id, f.position, f.id LIMIT ? OFFSET ?`, [
      ...filters.params,
      ...(anchor ? anchor.key : []),
      limit,
      offset - (anchor?.offset ?? 0),
    ]);
    rememberAnchor(context, filters, offset, rows);
    return { total, offset, rows: foldersWithWhere(context, rows) };
  }

  // One walk finds up to the count limit (plus one, to know there are more); every page is then a slice of it.
  const ids = cached(context, JSON.stringify([query, filters]), () => matchingIds(context, query, filters, SEARCH_COUNT_LIMIT + 1));
  const pageIds = ids.slice(offset, Math.min(offset + limit, SEARCH_COUNT_LIMIT));
  const rows = pageIds.length
    ? context.db.all<FolderRow>(`${FOLDER_SELECT} WHERE f.id IN (${pageIds.map(() => '?').join(', ')}) ORDER BY f.id`, pageIds)
    : [];
  return {
    total: Math.min(ids.length, SEARCH_COUNT_LIMIT),
    ...(ids.length > SEARCH_COUNT_LIMIT ? { totalIsLowerBound: true } : {}),
    offset,
    rows: foldersWithWhere(context, rows),
  };
}

/**
 * Keys (box, position, id) of rows already served, by the offset of the row that follows each: a later page starts
 * from the nearest one at or below its offset, so scrolling on walks only from the previous page, never from row 0.
 */
function anchorsFor(context: CatalogContext, filters: Clause): Map<number, number[]> {
  return cached(context, JSON.stringify(['anchors', filters]), () => new Map<number, number[]>());
}

function nearestAnchor(context: CatalogContext, filters: Clause, offset: number): { offset: number; key: number[] } | null {
  let best: { offset: number; key: number[] } | null = null;
  for (const [anchorOffset, key] of anchorsFor(context, filters)) {
    if (anchorOffset <= offset && (!best || anchorOffset > best.offset)) best = { offset: anchorOffset, key };
  }
  return best;
}

function rememberAnchor(context: CatalogContext, filters: Clause, offset: number, rows: FolderRow[]): void {
  const last = rows.at(-1);
  const anchors = anchorsFor(context, filters);
  if (last && anchors.size < 10_000) anchors.set(offset + rows.length, [last.box_id, last.position, last.id]);
}

/**
 * Merges the full-text index's segments into one. Bulk inserts leave many segments, and a prefix search merges
 * them all at query time ("permit*" at 1M folders: 170 ms before, 25 ms after). Run after bulk work, not per edit.
 */
export function optimizeSearchIndex(context: CatalogContext): void {
  context.db.run("INSERT INTO folder_search (folder_search) VALUES ('optimize')");
  context.db.exec('PRAGMA incremental_vacuum');
}
