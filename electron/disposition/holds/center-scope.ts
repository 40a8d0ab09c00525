// What a legal hold's scope covers in a records center's holdings: the same parts as in a department's catalog, over
// holding boxes and folders (a folder's series is the item number its manifest gave; its dates are the department's
// partial dates, read as real days by the fiscal year its manifest states; title words use the holdings' index).
import type { HoldDetail } from '../../../shared/api/contract-disposition';
import { folderSpan } from '../../../shared/catalog/folder-dates';
import { AppError } from '../../../shared/domain/errors';
import type { HoldScope } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';
import { titleWordsQuery } from './department-scope';
import { emptyCoverage, inChunks, type Coverage } from './hold-store';

type FolderBox = { id: number; box_id: number };

export function resolveCenterScope(context: CatalogContext, scope: HoldScope): Coverage {
  const coverage = emptyCoverage();
  const add = (rows: FolderBox[]) => {
    for (const row of rows) coverage.folders.set(row.id, row.box_id);
  };
  if (scope.boxIds.length > 0) {
    const found = new Set(inChunks(scope.boxIds, (marks, chunk) => context.db.column<number>(`SELECT id FROM holding_box WHERE id IN (${marks})`, chunk)));
    const missing = scope.boxIds.find((id) => !found.has(id));
    if (missing !== undefined) throw new AppError('not-found', `There is no box with id ${missing} in these holdings. Nothing was placed.`, { field: 'scope.boxIds' });
    for (const boxId of found) coverage.wholeBoxes.add(boxId);
    add(inChunks([...found], (marks, chunk) => context.db.all<FolderBox>(`SELECT id, box_id FROM holding_folder WHERE box_id IN (${marks})`, chunk)));
  }
  if (scope.folderIds.length > 0) {
    const rows = inChunks(scope.folderIds, (marks, chunk) => context.db.all<FolderBox>(`SELECT id, box_id FROM holding_folder WHERE id IN (${marks})`, chunk));
    const found = new Set(rows.map((row) => row.id));
    const missing = scope.folderIds.find((id) => !found.has(id));
    if (missing !== undefined) throw new AppError('not-found', `There is no folder with id ${missing} in these holdings. Nothing was placed.`, { field: 'scope.folderIds' });
    add(rows);
  }
  if (scope.itemNumbers.length > 0) {
    const wanted = scope.itemNumbers.map((number) => number.toLowerCase());
    add(context.db.all<FolderBox>(`SELECT id, box_id FROM holding_folder WHERE lower(item_number) IN (${wanted.map(() => '?').join(', ')})`, wanted));
  }
  if (scope.dateFrom !== null || scope.dateTo !== null) {
    const fiscalStart = new Map<number, number>();
    for (const accession of context.db.all<{ id: number; month: number | null }>(
      "SELECT id, json_extract(manifest_json, '$.department.fiscalYearStartMonth') AS month FROM accession",
    )) {
      fiscalStart.set(accession.id, accession.month ?? 1);
    }
    const dated = context.db.all<FolderBox & { begin_date: string; end_date: string; accession_id: number }>(
      `SELECT f.id, f.box_id, f.begin_date, f.end_date, b.accession_id FROM holding_folder f JOIN holding_box b ON b.id = f.box_id
       WHERE f.begin_date <> '' OR f.end_date <> ''`,
    );
    add(
      dated.filter((folder) => {
        const span = folderSpan({ beginDate: folder.begin_date, endDate: folder.end_date }, fiscalStart.get(folder.accession_id) ?? 1);
        if (span.firstDay === null || span.lastDay === null) return false;
        return (scope.dateFrom === null || span.lastDay >= scope.dateFrom) && (scope.dateTo === null || span.firstDay <= scope.dateTo);
      }),
    );
  }
  const query = titleWordsQuery(scope.words);
  if (query !== null) {
    add(
      context.db.all<FolderBox>(
        'SELECT f.id, f.box_id FROM (SELECT docid AS id FROM holding_search WHERE holding_search MATCH ?) m JOIN holding_folder f ON f.id = m.id',
        [query],
      ),
    );
  }
  return coverage;
}

/** What a coverage holds, in the department's words (its box labels and folder titles), with the accession. */
export function centerCovers(context: CatalogContext, coverage: Coverage, limit = Infinity): HoldDetail['covers'] {
  const covers: HoldDetail['covers'] = [];
  const boxes = [...coverage.wholeBoxes].sort((a, b) => a - b);
  const labels = new Map(
    inChunks(boxes, (marks, chunk) =>
      context.db.all<{ id: number; label: string }>(
        `SELECT b.id, b.label || ' (' || a.accession_number || ')' AS label FROM holding_box b JOIN accession a ON a.id = b.accession_id WHERE b.id IN (${marks})`,
        chunk,
      ),
    ).map((row) => [row.id, row.label]),
  );
  for (const boxId of boxes) {
    if (covers.length >= limit) return covers;
    covers.push({ boxId, boxLabel: labels.get(boxId) ?? `box ${boxId}`, folderId: null, folderPosition: null, title: null });
  }
  const single = [...coverage.folders].filter(([, boxId]) => !coverage.wholeBoxes.has(boxId)).map(([folderId]) => folderId);
  const rows = inChunks(single, (marks, chunk) =>
    context.db.all<{ id: number; box_id: number; position: number; title: string; label: string }>(
      `SELECT f.id, f.box_id, f.position, f.title, b.label || ' (' || a.accession_number || ')' AS label
       FROM holding_folder f JOIN holding_box b ON b.id = f.box_id JOIN accession a ON a.id = b.accession_id WHERE f.id IN (${marks})`,
      chunk,
    ),
  ).sort((a, b) => a.box_id - b.box_id || a.position - b.position);
  for (const row of rows) {
    if (covers.length >= limit) break;
    covers.push({ boxId: row.box_id, boxLabel: row.label, folderId: row.id, folderPosition: row.position, title: row.title });
  }
  return covers;
}
