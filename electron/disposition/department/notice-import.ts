// A department takes in its records center's disposition notice.
import type { TakenIn } from '../../../shared/api/contract-disposition';
import type { CatalogContext } from '../../catalog/context';

export function importNotice(_context: CatalogContext, _json: unknown, _fileName: string): TakenIn {
  throw new Error('Not built yet.');
}
