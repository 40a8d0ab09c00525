// What every catalog operation needs: the database, the history that records the change, and the clock.
import type { Database } from '../storage/database';
import type { History } from './history';

export interface CatalogContext {
  db: Database;
  history: History;
  now: () => string;
  /**
   * Counts committed changes: the history bumps it after every change it commits (see History's onChanged), and
   * autosave and cached counts read it. Nothing else writes it.
   */
  readonly version: { readonly value: number };
}

export function fiscalYearStartMonth(context: CatalogContext): number {
  return context.db.get<{ month: number }>('SELECT fiscal_year_start_month AS month FROM department WHERE id = 1')?.month ?? 7;
}
