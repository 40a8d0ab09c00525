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

export function searchHoldings(context: CatalogContext, input: CenterSearchInput): Page<HoldingFolderHit> {
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
    clauses.push('b.id IN (SELECT id FROM holding_box WHERE box_code = ?)');
    params.push(input.boxCode);
  }
  if (input.location) {
    clauses.push(`b.location_id IN (SELECT l.id FROM location l WHERE ${LOCATION_WORDS_SQL} LIKE ? ESCAPE '\\')`);
    params.push(likePattern(input.location));
  }
  const where = clauses.length > 0 ? `AND ${clauses.join(' AND ')}` : '';
  const fts = ftsPrefixQuery(input.query);
  const countLimit = SEARCH_COUNT_LIMIT + 1;
  // CROSS JOIN keeps SQLite walking the index's matches in id order, so LIMIT stops the walk early.
  const ids = fts
    ? context.db.column<number>(
        `SELECT f.id FROM (SELECT docid AS id FROM holding_search WHERE holding_search MATCH ?) m CROSS JOIN holding_folder f ON f.id = m.id
         JOIN holding_box b ON b.id = f.box_id WHERE 1 = 1 ${where} LIMIT ?`,
        [fts, ...params, countLimit],
      )
    : clauses.length > 0
      ? // Filters only: start from the boxes they name (a few thousand at most), not from a million folders in id order.
        context.db.column<number>(
          `SELECT f.id FROM holding_box b CROSS JOIN holding_folder f ON f.box_id = b.id WHERE 1 = 1 ${where} ORDER BY f.id LIMIT ?`,
          [...params, countLimit],
        )
      : context.db.column<number>('SELECT id FROM holding_folder ORDER BY id LIMIT ?', [countLimit]);
  const pageIds = ids.slice(input.offset, input.offset + input.limit);
  return {
    total: Math.min(ids.length, SEARCH_COUNT_LIMIT),
    ...(ids.length > SEARCH_COUNT_LIMIT ? { totalIsLowerBound: true } : {}),
    offset: input.offset,
    rows: pageIds.length === 0 ? [] : hitsOf(context, pageIds),
  };
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
  }));
}
