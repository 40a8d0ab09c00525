// The contract's exchange calls (shared/api/contract-exchange.ts).
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { exchangeContract } from '../../shared/api/contract-exchange';
import type { FileExchange } from '../runtime/file-exchange';
import { verifyPackage } from './verify-package';

export function exchangeHandlers(files: FileExchange): Pick<ApiHandlers, keyof typeof exchangeContract> {
  return {
    'packages.verify': async ({ file }) => {
      const found = files.resolve(file);
      try {
        return await verifyPackage(found.uploaded ? found.path : resolve(found.path));
      } finally {
        await files.release(file);
      }
    },
  };
}
