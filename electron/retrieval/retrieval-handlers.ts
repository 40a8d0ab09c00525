// The contract's department retrieval calls (shared/api/contract-retrieval.ts): asking for boxes and folders back,
// taking in the center's updates, and where everything is now.
import type { ApiHandlers } from '../../shared/api/contract';
import type { retrievalContract } from '../../shared/api/contract-retrieval';
import { AppError } from '../../shared/domain/errors';
import type { HandlerContext } from '../runtime/handler-context';

type DepartmentCalls = 'retrievals.options' | 'retrievals.request' | 'retrievals.list' | 'retrievals.get' | 'retrievals.importUpdate' | 'catalog.where';
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export function retrievalHandlers(_context: HandlerContext): Pick<ApiHandlers, DepartmentCalls & keyof typeof retrievalContract> {
  return {
    'retrievals.options': notYet,
    'retrievals.request': notYet,
    'retrievals.list': notYet,
    'retrievals.get': notYet,
    'retrievals.importUpdate': notYet,
    'catalog.where': notYet,
  };
}
