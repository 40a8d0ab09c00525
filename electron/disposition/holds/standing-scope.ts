// A hold's standing scope: a series, a date range or words in titles cover what matches them now, not only what
// matched on the day the hold was placed. A folder catalogued, imported or taken in afterwards that matches an active
// hold's scope is held too, so every check before a notice, an approval or a destruction asks this as well as the
// boxes and folders the hold listed when it was placed. Resolved once per catalog version (holds are few; a scope is a
// handful of indexed queries), so a due list of thousands of boxes costs one resolution, not one per box.
import type { CatalogContext } from '../../catalog/context';
import { resolveCenterScope } from './center-scope';
import { resolveDepartmentScope } from './department-scope';
import { isCenter, listHoldRows, scopeOf } from './hold-store';

export interface StandingCoverage {
  /** Box id → the name of the first active hold whose scope covers a folder of it now. */
  boxes: Map<number, string>;
  /** Folder id → the same. */
  folders: Map<number, string>;
}

const cache = new WeakMap<CatalogContext, { version: number; coverage: StandingCoverage }>();

export function standingCoverage(context: CatalogContext): StandingCoverage {
  const version = context.version.value;
  const cached = cache.get(context);
  if (cached && cached.version === version) return cached.coverage;
  const coverage: StandingCoverage = { boxes: new Map(), folders: new Map() };
  const center = isCenter(context);
  for (const row of listHoldRows(context, 'active')) {
    const scope = scopeOf(row);
    if (scope.itemNumbers.length === 0 && scope.dateFrom === null && scope.dateTo === null && scope.words === '') continue;
    // Only the standing parts: boxes and folders named by id are the hold's own list already.
    const standing = { ...scope, boxIds: [], folderIds: [] };
    let found;
    try {
      found = center ? resolveCenterScope(context, standing) : resolveDepartmentScope(context, standing);
    } catch {
      // A series since removed from the schedule names nothing now; the hold's own list still stands.
      continue;
    }
    for (const [folderId, boxId] of found.folders) {
      if (!coverage.folders.has(folderId)) coverage.folders.set(folderId, row.name);
      if (!coverage.boxes.has(boxId)) coverage.boxes.set(boxId, row.name);
    }
  }
  cache.set(context, { version, coverage });
  return coverage;
}
