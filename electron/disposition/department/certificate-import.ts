// A department takes in the certificate of what its records center destroyed or transferred.
import type { TakenIn } from '../../../shared/api/contract-disposition';
import type { CatalogContext } from '../../catalog/context';

export function importCertificate(_context: CatalogContext, _json: unknown, _fileName: string): TakenIn {
  throw new Error('Not built yet.');
}
