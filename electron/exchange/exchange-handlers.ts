// The contract's exchange calls (shared/api/contract-exchange.ts).
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { exchangeContract } from '../../shared/api/contract-exchange';
import { verifyPackage } from './verify-package';

export function exchangeHandlers(): Pick<ApiHandlers, keyof typeof exchangeContract> {
  return {
    'packages.verify': ({ path }) => verifyPackage(resolve(path)),
  };
}
