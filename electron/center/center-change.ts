// How a records center's changes are kept: one transaction and one entry in the change log (who, when, what), but
// off the undo stack. What was received, found and shelved is what happened, and its custody events stay; a mistake
// is answered by a new entry, as the sending of a transfer is on the department's side.
import type { CatalogContext } from '../catalog/context';

export function recordedChange<T>(context: CatalogContext, label: string, work: () => T): T {
  const value = context.history.change(label, () => work());
  // The change holds no row snapshots, so undo would restore nothing: stop undo here, as sending does.
  context.history.reset();
  return value;
}
