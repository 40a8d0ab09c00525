// A record under a legal hold stays as it is: it cannot be deleted, nor its hold unticked by hand, while a hold in
// force (legal_hold, placed on the Legal holds screen) covers it. Lifting the hold, with its reason, is the way.
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from './context';

const CHUNK = 500;

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

/** Refuses `action` ("delete", "untick the legal hold of") on boxes or folders a hold in force covers. */
export function assertNotUnderHold(context: CatalogContext, target: { boxIds?: readonly number[]; folderIds?: readonly number[] }, action: string): void {
  const byBox = target.boxIds && target.boxIds.length > 0 ? holdCovering(context, 'box_id', target.boxIds) : null;
  const byFolder = !byBox && target.folderIds && target.folderIds.length > 0 ? holdCovering(context, 'folder_id', target.folderIds) : null;
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
