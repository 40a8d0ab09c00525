// Derived folder columns (date span, disposition date and status), recomputed whenever what they depend on changes:
// the folder's own dates and hold, its schedule item's rule, or the department's fiscal year.
import { folderSpan } from '../../shared/catalog/folder-dates';
import { computeDisposition } from '../../shared/schedule/disposition';
import type { RetentionRule, DispositionAction } from '../../shared/domain/types';
import { fiscalYearStartMonth, type CatalogContext } from './context';

interface FolderDates {
  begin_date: string;
  end_date: string;
  event_date: string;
  legal_hold: number;
  schedule_item_id: number | null;
}

export interface DerivedColumns {
  first_day: string | null;
  last_day: string | null;
  disposition_date: string | null;
  disposition_status: string;
}

type ItemRule = { rule: RetentionRule; disposition: DispositionAction } | null;

export function ruleLookup(context: CatalogContext): (itemId: number | null) => ItemRule {
  const cache = new Map<number, ItemRule>();
  return (itemId) => {
    if (itemId === null) return null;
    if (!cache.has(itemId)) {
      const row = context.db.get<{ rule: string; disposition: DispositionAction }>(
        'SELECT rule, disposition FROM schedule_item WHERE id = ?',
        [itemId],
      );
      cache.set(itemId, row ? { rule: JSON.parse(row.rule) as RetentionRule, disposition: row.disposition } : null);
    }
    return cache.get(itemId)!;
  };
}

export function deriveColumns(folder: FolderDates, item: ItemRule, fiscalMonth: number): DerivedColumns {
  const span = folderSpan({ beginDate: folder.begin_date, endDate: folder.end_date }, fiscalMonth);
  const disposition = computeDisposition(
    { beginDate: folder.begin_date, endDate: folder.end_date, eventDate: folder.event_date, legalHold: folder.legal_hold === 1 },
    item,
    fiscalMonth,
  );
  return { first_day: span.firstDay, last_day: span.lastDay, disposition_date: disposition.date, disposition_status: disposition.status };
}

/** Recomputes the derived columns of the folders a WHERE clause selects (bound parameters only). */
export function recomputeFolders(context: CatalogContext, where: string, params: (string | number)[]): number {
  const fiscalMonth = fiscalYearStartMonth(context);
  const lookup = ruleLookup(context);
  const folders = context.db.all<FolderDates & { id: number }>(
    `SELECT id, begin_date, end_date, event_date, legal_hold, schedule_item_id FROM folder WHERE ${where}`,
    params,
  );
  return context.db.runMany(
    'UPDATE folder SET first_day = ?, last_day = ?, disposition_date = ?, disposition_status = ? WHERE id = ?',
    folders.map((folder) => {
      const derived = deriveColumns(folder, lookup(folder.schedule_item_id), fiscalMonth);
      return [derived.first_day, derived.last_day, derived.disposition_date, derived.disposition_status, folder.id];
    }),
  );
}
