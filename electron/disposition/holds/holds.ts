// Legal holds on either side: placed with a scope, resolved to every box and folder it covers, lifted with a reason.
import type { HoldDetail, HoldPreview, HoldSummary, TakenIn } from '../../../shared/api/contract-disposition';
import type { HoldScope } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';

export function listHolds(_context: CatalogContext, _show: 'active' | 'all'): HoldSummary[] {
  throw new Error('Not built yet.');
}
export function getHold(_context: CatalogContext, _id: number): HoldDetail {
  throw new Error('Not built yet.');
}
export function previewHold(_context: CatalogContext, _scope: HoldScope): HoldPreview {
  throw new Error('Not built yet.');
}
export function createHold(_context: CatalogContext, _input: { name: string; matter: string; requestedBy: string; scope: HoldScope }): HoldDetail {
  throw new Error('Not built yet.');
}
export function liftHold(_context: CatalogContext, _id: number, _reason: string): HoldDetail {
  throw new Error('Not built yet.');
}
export async function writeHoldFile(_context: CatalogContext, _id: number, _outDir: string): Promise<{ path: string; fingerprint: string; items: number; message: string }> {
  throw new Error('Not built yet.');
}
export function importHoldFile(_context: CatalogContext, _json: unknown, _fileName: string): TakenIn {
  throw new Error('Not built yet.');
}
