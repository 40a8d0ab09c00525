// `transmittal where`: boxes and folders found by the department's own label, file code or title, each with where it
// is now. Box labels are matched exactly first, then by prefix, then anywhere; folders through the folder search's
// full-text index (title, file code and notes, by word prefixes), walked in id order and stopped at the limit.
import type { WhereHit } from '../../shared/api/contract-retrieval';
import type { CatalogContext } from '../catalog/context';
import { ftsPrefixQuery, likePattern } from '../catalog/search-query';
import { UNKNOWN_WHERE, whereOfBoxes, whereOfFolders } from './where-now';

export function whereSearch(context: CatalogContext, query: string, limit: number): WhereHit[] {
  const text = query.trim();
  const escaped = text.replace(/[\\%_]/g, (character) => `\\${character}`);
  const boxes = context.db.all<{ id: number; label: string }>(
    `SELECT id, label FROM box WHERE label LIKE ? ESCAPE '\\'
      ORDER BY CASE WHEN label = ? COLLATE NOCASE THEN 0 WHEN label LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, label_key, id LIMIT ?`,
    [likePattern(text), text, `${escaped}%`, limit],
  );
  const hits: WhereHit[] = [];
  const boxWhere = whereOfBoxes(context, boxes.map((box) => box.id));
  for (const box of boxes) {
    hits.push({ boxId: box.id, boxLabel: box.label, folderId: null, folderPosition: null, title: null, fileCode: null, where: boxWhere.get(box.id) ?? UNKNOWN_WHERE });
  }
  const room = limit - hits.length;
  const fts = ftsPrefixQuery(text);
  if (room <= 0 || !fts) return hits;
  // A file code typed whole ("BP-Oak") is found as its words; CROSS JOIN keeps the walk in id order so LIMIT stops it.
  const folders = context.db.all<{ id: number; box_id: number; label: string; position: number; title: string; file_code: string }>(
    `SELECT f.id, f.box_id, b.label, f.position, f.title, f.file_code
       FROM (SELECT docid AS id FROM folder_search WHERE folder_search MATCH ?) m CROSS JOIN folder f ON f.id = m.id JOIN box b ON b.id = f.box_id
      LIMIT ?`,
    [fts, room],
  );
  const folderWhere = whereOfFolders(context, folders.map((folder) => folder.id));
  for (const folder of folders) {
    hits.push({
      boxId: folder.box_id, boxLabel: folder.label, folderId: folder.id, folderPosition: folder.position, title: folder.title,
      fileCode: folder.file_code, where: folderWhere.get(folder.id) ?? UNKNOWN_WHERE,
    });
  }
  return hits;
}
