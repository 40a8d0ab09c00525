// A records center takes in a department's signed answer to one of its notices.
import type { TakenIn } from '../../../shared/api/contract-disposition';
import type { CatalogContext } from '../../catalog/context';

export function importResponse(_context: CatalogContext, _json: unknown, _fileName: string): TakenIn {
  throw new Error('Not built yet.');
}
