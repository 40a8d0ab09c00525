// The contract's records center retrieval calls (shared/api/contract-retrieval.ts): taking in a department's
// request, the queue, each step (pull, check out, return, re-file, answer, withdraw, refuse) and the update back.
import type { ApiHandlers } from '../../../shared/api/contract';
import type { retrievalContract } from '../../../shared/api/contract-retrieval';
import { AppError } from '../../../shared/domain/errors';
import type { HandlerContext } from '../../runtime/handler-context';

type CenterCalls = 'center.requests.import' | 'center.requests' | 'center.request.get' | 'center.request.record' | 'center.request.writeUpdate';
const notYet = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

export function centerRequestHandlers(_context: HandlerContext): Pick<ApiHandlers, CenterCalls & keyof typeof retrievalContract> {
  return {
    'center.requests.import': notYet,
    'center.requests': notYet,
    'center.request.get': notYet,
    'center.request.record': notYet,
    'center.request.writeUpdate': notYet,
  };
}
