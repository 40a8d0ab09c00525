// Which boxes a legal hold covers now, on either side: an active hold naming the box or one of its folders
// (legal_hold_item), or a folder marked held in the catalog's own column (folder.legal_hold in a department's
// catalog, holding_folder.legal_hold at a center). A held box is never approved, noticed or destroyed.
import type { CatalogContext } from '../../catalog/context';
import { readMeta } from '../../catalog/open-catalog';
import { standingCoverage } from '../holds/standing-scope';

export interface BoxHold {
  /** The hold's name, or "a folder is on legal hold" when only a folder's own mark says so. */
  heldBy: string;
  /** In a sentence: "the legal hold “Smith v. City”", "a legal hold (folder 1 is held: Smith v. City)". */
  words: string;
}

const CHUNK = 500;

export function isCenter(context: CatalogContext): boolean {
  return readMeta(context.db, 'role') === 'records-center';
}

/** The hold covering each of these boxes now (boxes of a center's holdings at a center, the catalog's own boxes in a department's). */
export function holdsOnBoxes(context: CatalogContext, boxIds: readonly number[]): Map<number, BoxHold> {
  const out = new Map<number, BoxHold>();
  const ids = [...new Set(boxIds)];
  const folderTable = isCenter(context) ? 'holding_folder' : 'folder';
  const reasonColumn = isCenter(context) ? "''" : 'legal_hold_reason';
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    const marks = chunk.map(() => '?').join(', ');
    const named = context.db.all<{ box_id: number; name: string }>(
      `SELECT i.box_id, h.name FROM legal_hold_item i JOIN legal_hold h ON h.id = i.hold_id
        WHERE h.lifted_at IS NULL AND i.box_id IN (${marks}) ORDER BY h.id`,
      chunk,
    );
    for (const row of named) if (!out.has(row.box_id)) out.set(row.box_id, { heldBy: row.name, words: `the legal hold “${row.name}”` });
    const marked = context.db.all<{ box_id: number; position: number; reason: string }>(
      `SELECT box_id, position, ${reasonColumn} AS reason FROM ${folderTable} WHERE legal_hold = 1 AND box_id IN (${marks}) ORDER BY box_id, position`,
      chunk,
    );
    for (const row of marked) {
      if (out.has(row.box_id)) continue;
      const why = row.reason.trim() ? `: ${row.reason.trim()}` : '';
      out.set(row.box_id, { heldBy: 'a folder is on legal hold', words: `a legal hold (folder ${row.position} in it is held${why})` });
    }
  }
  // What an active hold's series, dates or title words cover now, though catalogued after the hold was placed.
  const standing = standingCoverage(context).boxes;
  for (const boxId of ids) {
    const name = standing.get(boxId);
    if (name !== undefined && !out.has(boxId)) out.set(boxId, { heldBy: name, words: `the legal hold “${name}”` });
  }
  return out;
}
