// Paperwork outlives the boxes: every exchange document kept, searchable, for the paperwork period after the records
// it concerns were destroyed.
import type { PaperworkRow } from '../../shared/api/contract-disposition';
import type { CatalogContext } from '../catalog/context';

export function listPaperwork(_context: CatalogContext, _query: string, _limit: number): { years: number; rows: PaperworkRow[] } {
  throw new Error('Not built yet.');
}
export function setPaperworkYears(_context: CatalogContext, _years: number): { years: number } {
  throw new Error('Not built yet.');
}
