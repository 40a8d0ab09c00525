// The contract's transfer calls (shared/api/contract-transfers.ts), mapped to the transfer operations.
import type { ApiHandlers } from '../../shared/api/contract';
import type { transferContract } from '../../shared/api/contract-transfers';
import type { HandlerContext } from '../api/handler-context';

export function transferHandlers(_context: HandlerContext): Pick<ApiHandlers, keyof typeof transferContract> {
  return {};
}
