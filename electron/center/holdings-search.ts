// Searching everything the center holds, folder by folder: any words of a folder's title, file code or notes or of
// its box's label (the full-text index, walked in folder-id order so the cost follows the page, not the matches),
// narrowed by department, box barcode, accession number or location. Counts stop at SEARCH_COUNT_LIMIT.
import { SEARCH_COUNT_LIMIT, type Page } from '../../shared/api/contract-catalog';
import type { CenterSearchInput, HoldingFolderHit } from '../../shared/api/contract-center';
import type { HoldingBoxStatus } from '../../shared/center/holdings';
import type { CatalogContext } from '../catalog/context';
import { ftsPrefixQuery, likePattern } from '../catalog/search-query';
import { locationWordsOf } from './accession-store';

const LOCATION_WORDS_SQL = `('Building ' || l.building || CASE WHEN l.room = '' THEN '' ELSE ' / Room ' || l.room END || ' / Row ' || l.row_label ||
  ' / Bay ' || l.bay || ' / Shelf ' || l.shelf || ' / Position ' || l.position)`;

/**
 * A filter naming at most this many boxes is narrow: its folders are found from its boxes. A broader one (a whole
 * building) is checked folder by folder while walking in id order, where matches come soon enough.
 */
export const NARROW_FILTER_BOXES = 2_000;
/** A narrow filter's folders are searched in at most this many id ranges (each costs one read of the word lists). */
export const MAX_FOLDER_RANGES = 8;

interface FolderRange {
  low: number;
  high: number;
}

/** The filters as conditions on a holding box `b`, with their parameters. */
interface BoxFilter {
  where: string;
  params: (string | number)[];
}

/**
 * Hits in folder-id order. `total` counts matches up to SEARCH_COUNT_LIMIT only; past it `totalIsLowerBound` is set
 * and the caller shows "5,000+" (counting every folder holding a common word would read a million rows).
 */
export function searchHoldings(context: CatalogContext, input: CenterSearchInput): Page<HoldingFolderHit> {
  const withdrawn = withdrawnFolderIds(context);
  const ids = matchingFolderIds(context, ftsPrefixQuery(input.query), boxFilterOf(input), SEARCH_COUNT_LIMIT + 1 + withdrawn.size).filter((id) => !withdrawn.has(id));
  const pageIds = ids.slice(input.offset, input.offset + input.limit);
  return {
    total: Math.min(ids.length, SEARCH_COUNT_LIMIT),
    ...(ids.length > SEARCH_COUNT_LIMIT ? { totalIsLowerBound: true } : {}),
    offset: input.offset,
    rows: pageIds.length === 0 ? [] : hitsOf(context, pageIds),
  };
}

/**
 * The folders of boxes withdrawn for good: back with their department, no longer held, so never a hit. A box is only
 * ever withdrawn by a retrieval request, so they are found from the (few) withdrawal requests through their index
 * rather than by reading every holding box.
 */
function withdrawnFolderIds(context: CatalogContext): Set<number> {
  return new Set(
    context.db.column<number>(
      `SELECT f.id FROM center_request r JOIN center_request_item i ON i.request_id = r.id JOIN holding_box b ON b.id = i.holding_box_id
       JOIN holding_folder f ON f.box_id = b.id WHERE r.status = 'withdrawn' AND b.withdrawn_at IS NOT NULL`,
    ),
  );
}

function boxFilterOf(input: CenterSearchInput): BoxFilter | null {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (input.departmentId) {
    clauses.push('b.accession_id IN (SELECT id FROM accession WHERE department_id = ?)');
    params.push(input.departmentId);
  }
  if (input.accessionNumber) {
    clauses.push('b.accession_id IN (SELECT id FROM accession WHERE lower(accession_number) = ? OR lower(transfer_number) = ?)');
    params.push(input.accessionNumber.toLowerCase(), input.accessionNumber.toLowerCase());
  }
  if (input.boxCode) {
    clauses.push('b.box_code = ?');
    params.push(input.boxCode);
  }
  if (input.location) {
    clauses.push(`b.location_id IN (SELECT l.id FROM location l WHERE ${LOCATION_WORDS_SQL} LIKE ? ESCAPE '\\')`);
    params.push(likePattern(input.location));
  }
  return clauses.length === 0 ? null : { where: clauses.join(' AND '), params };
}

/** The first `limit` folder ids matching, ascending. */
function matchingFolderIds(context: CatalogContext, fts: string | null, filter: BoxFilter | null, limit: number): number[] {
  if (filter === null) {
    // Every docid of the index is a folder's id (intake and corrections write both in one transaction): no join.
    return fts
      ? context.db.column<number>('SELECT docid FROM holding_search WHERE holding_search MATCH ? LIMIT ?', [fts, limit])
      : context.db.column<number>('SELECT id FROM holding_folder ORDER BY id LIMIT ?', [limit]);
  }
  const boxIds = context.db.column<number>(`SELECT b.id FROM holding_box b WHERE ${filter.where} LIMIT ?`, [...filter.params, NARROW_FILTER_BOXES + 1]);
  if (boxIds.length === 0) return [];
  if (boxIds.length > NARROW_FILTER_BOXES) {
    // CROSS JOIN keeps SQLite walking the matches (or all folders) in id order, so LIMIT stops the walk early.
    return fts
      ? context.db.column<number>(
          `SELECT f.id FROM (SELECT docid AS id FROM holding_search WHERE holding_search MATCH ?) m CROSS JOIN holding_folder f ON f.id = m.id
           CROSS JOIN holding_box b ON b.id = f.box_id WHERE ${filter.where} LIMIT ?`,
          [fts, ...filter.params, limit],
        )
      : context.db.column<number>(
          `SELECT f.id FROM holding_folder f CROSS JOIN holding_box b ON b.id = f.box_id WHERE ${filter.where} ORDER BY f.id LIMIT ?`,
          [...filter.params, limit],
        );
  }
  const boxList = boxIds.map(() => '?').join(', ');
  // Without words, the boxes' folders come straight from the (box_id, position) index, which holds their ids.
  if (!fts) return context.db.column<number>(`SELECT id FROM holding_folder WHERE box_id IN (${boxList}) ORDER BY id LIMIT ?`, [...boxIds, limit]);
  // With words, each range of the boxes' folder ids reads only its stretch of the index (a docid range) rather than
  // walking every match of a common word through the rest of the center. Ranges are disjoint and ascending, so the
  // hits stay in folder-id order.
  const ids: number[] = [];
  for (const range of folderRangesOf(context, boxIds, boxList)) {
    ids.push(
      ...context.db.column<number>(
        `SELECT f.id FROM (SELECT docid AS id FROM holding_search WHERE holding_search MATCH ? AND docid BETWEEN ? AND ?) m
         CROSS JOIN holding_folder f ON f.id = m.id WHERE f.box_id IN (${boxList}) LIMIT ?`,
        [fts, range.low, range.high, ...boxIds, limit - ids.length],
      ),
    );
    if (ids.length >= limit) break;
  }
  return ids;
}

/**
 * The folder ids of some boxes as at most MAX_FOLDER_RANGES disjoint ascending ranges. A box's folders were taken in
 * together, so their ids mostly run on; where they do not, the smallest gaps are bridged (the box check drops the
 * strangers in between).
 */
function folderRangesOf(context: CatalogContext, boxIds: number[], boxList: string): FolderRange[] {
  const boxRanges = context.db.all<FolderRange>(
    `SELECT min(id) AS low, max(id) AS high FROM holding_folder WHERE box_id IN (${boxList}) GROUP BY box_id`,
    boxIds,
  );
  boxRanges.sort((a, b) => a.low - b.low);
  const ranges: FolderRange[] = [];
  for (const range of boxRanges) {
    const last = ranges.at(-1);
    if (last && range.low <= last.high + 1) last.high = Math.max(last.high, range.high);
    else ranges.push({ ...range });
  }
  if (ranges.length <= MAX_FOLDER_RANGES) return ranges;
  // Keep the widest gaps as cuts.
  const cuts = new Set(
    ranges
      .slice(1)
      .map((range, index) => ({ index: index + 1, gap: range.low - ranges[index].high }))
      .sort((a, b) => b.gap - a.gap)
      .slice(0, MAX_FOLDER_RANGES - 1)
      .map((cut) => cut.index),
  );
  const bridged: FolderRange[] = [];
  ranges.forEach((range, index) => {
    if (index === 0 || cuts.has(index)) bridged.push({ ...range });
    else bridged[bridged.length - 1].high = range.high;
  });
  return bridged;
}

interface HitRow {
  id: number;
  position: number;
  title: string;
  file_code: string;
  item_number: string | null;
  begin_date: string;
  end_date: string;
  disposition_date: string | null;
  box_id: number;
  box_code: string | null;
  label: string;
  status: HoldingBoxStatus;
  center_box_number: number | null;
  accession_id: number;
  accession_number: string;
  transfer_number: string;
  department_name: string;
  building: string | null;
  room: string | null;
  row_label: string | null;
  bay: string | null;
  shelf: string | null;
  location_position: string | null;
}

function hitsOf(context: CatalogContext, ids: number[]): HoldingFolderHit[] {
  const rows = context.db.all<HitRow>(
    `SELECT f.id, f.position, f.title, f.file_code, f.item_number, f.begin_date, f.end_date, f.disposition_date,
       b.id AS box_id, b.box_code, b.label, b.status, b.center_box_number, a.id AS accession_id, a.accession_number, a.transfer_number,
       d.name AS department_name, l.building, l.room, l.row_label, l.bay, l.shelf, l.position AS location_position
     FROM holding_folder f JOIN holding_box b ON b.id = f.box_id JOIN accession a ON a.id = b.accession_id
     JOIN center_department d ON d.id = a.department_id LEFT JOIN location l ON l.id = b.location_id
     WHERE f.id IN (${ids.map(() => '?').join(', ')}) ORDER BY f.id`,
    ids,
  );
  // Boxes carried out under a certificate are still found (paperwork outlives the boxes), said as what happened.
  const boxIds = [...new Set(rows.map((row) => row.box_id))];
  const disposed = new Map(
    context.db
      .all<{ box_id: number; executed: 'destroyed' | 'transferred-to-archives'; executed_at: string; number: string | null }>(
        `SELECT nb.box_id, nb.executed, nb.executed_at, c.number FROM disposition_notice_box nb LEFT JOIN disposition_certificate c ON c.id = nb.certificate_id
          WHERE nb.executed IS NOT NULL AND nb.box_id IN (${boxIds.map(() => '?').join(', ')})`,
        boxIds,
      )
      .map((row) => [row.box_id, { action: row.executed, at: row.executed_at, certificateNumber: row.number }] as const),
  );
  return rows.map((row) => ({
    folderId: row.id,
    position: row.position,
    title: row.title,
    fileCode: row.file_code,
    itemNumber: row.item_number,
    beginDate: row.begin_date,
    endDate: row.end_date,
    dispositionDate: row.disposition_date,
    holdingBoxId: row.box_id,
    boxCode: row.box_code,
    boxLabel: row.label,
    boxStatus: row.status,
    centerBoxNumber: row.center_box_number === null ? null : String(row.center_box_number),
    location: locationWordsOf({ ...row, position: row.location_position }),
    accessionId: row.accession_id,
    accessionNumber: row.accession_number,
    transferNumber: row.transfer_number,
    departmentName: row.department_name,
    disposed: disposed.get(row.box_id) ?? null,
  }));
}
