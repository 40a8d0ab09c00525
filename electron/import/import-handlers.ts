// The contract's import calls (shared/api/contract-import.ts), mapped to the import operations.
import type { ApiHandlers } from '../../shared/api/contract';
import type { importContract } from '../../shared/api/contract-import';
import type { HandlerContext } from '../api/handler-context';

export function importHandlers(_context: HandlerContext): Pick<ApiHandlers, keyof typeof importContract> {
  return {};
}
