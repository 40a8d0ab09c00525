// The catalog at a glance: counts, and how many folders become eligible for disposition each year.
import type { CatalogSummary } from '../../shared/api/contract';
import type { CatalogContext } from './context';

export function catalogSummary(context: CatalogContext): CatalogSummary {
  const count = (sql: string) => context.db.get<{ n: number }>(sql)!.n;
  return {
    boxes: count('SELECT count(*) AS n FROM box'),
    folders: count('SELECT count(*) AS n FROM folder'),
    scheduleItems: count('SELECT count(*) AS n FROM schedule_item'),
    recordsCenters: count('SELECT count(*) AS n FROM records_center'),
    foldersOnHold: count('SELECT count(*) AS n FROM folder WHERE legal_hold = 1'),
    foldersWithoutSchedule: count('SELECT count(*) AS n FROM folder WHERE schedule_item_id IS NULL'),
    eligibleByYear: context.db.all<{ year: number; folders: number }>(
      `SELECT CAST(substr(disposition_date, 1, 4) AS INTEGER) AS year, count(*) AS folders FROM folder
       WHERE disposition_date IS NOT NULL AND disposition_status = 'scheduled' GROUP BY year ORDER BY year`,
    ),
  };
}
