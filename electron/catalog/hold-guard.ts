// A record under a legal hold stays as it is: it cannot be deleted, nor its hold unticked by hand, while a hold in
// force (legal_hold, placed on the Legal holds screen) covers it. Lifting the hold, with its reason, is the way.
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from './context';
import { standingCoverage } from '../disposition/holds/standing-scope';

const CHUNK = 500;

function folderIdsOf(context: CatalogContext, boxIds: readonly number[]): number[] {
  const ids: number[] = [];
  for (let at = 0; at < boxIds.length; at += CHUNK) {
    const chunk = boxIds.slice(at, at + CHUNK);
    ids.push(...context.db.column<number>(`SELECT id FROM folder WHERE box_id IN (${chunk.map(() => '?').join(', ')})`, chunk));
  }
  return ids;
}

/** A box one of whose folders an active hold's standing scope covers: answered as the box. */
function boxHeldByStanding(context: CatalogContext, boxIds: readonly number[], folderIds: readonly number[]): { name: string; number: string; id: number } | null {
  const found = holdByStanding(context, folderIds);
  if (!found) return null;
  const boxId = context.db.get<{ box_id: number }>('SELECT box_id FROM folder WHERE id = ?', [found.id])?.box_id;
  return boxId !== undefined && boxIds.includes(boxId) ? { ...found, id: boxId } : null;
}

/** The first hold in force covering any of these boxes (or their folders) or folders, with what it covers. */
function holdCovering(context: CatalogContext, column: 'box_id' | 'folder_id', ids: readonly number[]): { name: string; number: string; id: number } | null {
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    const found = context.db.get<{ name: string; number: string; id: number }>(
      `SELECT h.name, h.number, i.${column} AS id FROM legal_hold_item i JOIN legal_hold h ON h.id = i.hold_id
        WHERE h.lifted_at IS NULL AND i.${column} IN (${chunk.map(() => '?').join(', ')}) ORDER BY h.id LIMIT 1`,
      chunk,
    );
    if (found) return found;
  }
  return null;
}

/** The first hold in force covering one of these folders by holding their whole box (folders added since included). */
function holdOnWholeBox(context: CatalogContext, folderIds: readonly number[]): { name: string; number: string; id: number } | null {
  for (let at = 0; at < folderIds.length; at += CHUNK) {
    const chunk = folderIds.slice(at, at + CHUNK);
    const found = context.db.get<{ name: string; number: string; id: number }>(
      `SELECT h.name, h.number, f.id FROM folder f JOIN legal_hold_item i ON i.box_id = f.box_id AND i.folder_id IS NULL
         JOIN legal_hold h ON h.id = i.hold_id
        WHERE h.lifted_at IS NULL AND f.id IN (${chunk.map(() => '?').join(', ')}) ORDER BY h.id LIMIT 1`,
      chunk,
    );
    if (found) return found;
  }
  return null;
}

/** A hold in force whose series, dates or title words cover one of these folders now. */
function holdByStanding(context: CatalogContext, folderIds: readonly number[]): { name: string; number: string; id: number } | null {
  const standing = standingCoverage(context).folders;
  for (const id of folderIds) {
    const name = standing.get(id);
    if (name === undefined) continue;
    const number = context.db.get<{ number: string }>('SELECT number FROM legal_hold WHERE name = ? AND lifted_at IS NULL ORDER BY id LIMIT 1', [name])?.number ?? '';
    return { name, number, id };
  }
  return null;
}

/** Refuses `action` ("delete", "untick the legal hold of") on boxes or folders a hold in force covers. */
export function assertNotUnderHold(context: CatalogContext, target: { boxIds?: readonly number[]; folderIds?: readonly number[] }, action: string): void {
  const boxFolders = target.boxIds && target.boxIds.length > 0 ? folderIdsOf(context, target.boxIds) : [];
  const byBox = target.boxIds && target.boxIds.length > 0 ? (holdCovering(context, 'box_id', target.boxIds) ?? boxHeldByStanding(context, target.boxIds, boxFolders)) : null;
  const folders = target.folderIds ?? [];
  const byFolder =
    !byBox && folders.length > 0 ? (holdCovering(context, 'folder_id', folders) ?? holdOnWholeBox(context, folders) ?? holdByStanding(context, folders)) : null;
  const hold = byBox ?? byFolder;
  if (!hold) return;
  const what = byBox
    ? `box “${context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [hold.id])?.label ?? hold.id}”`
    : `folder “${context.db.get<{ title: string }>('SELECT title FROM folder WHERE id = ?', [hold.id])?.title ?? hold.id}”`;
  throw new AppError(
    'forbidden',
    `The legal hold “${hold.name}” (${hold.number}) covers ${what}, so you cannot ${action} it while the hold is in force. Nothing was changed. ` +
      'When the matter is over, lift the hold on the Legal holds screen, with the reason.',
    { hold: hold.number },
  );
}
