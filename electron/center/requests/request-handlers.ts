// The contract's records center retrieval calls (shared/api/contract-retrieval.ts): taking in a department's
// request, the queue, each step (pull, check out, return, re-file, answer, withdraw, refuse) and the update back.
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { retrievalContract } from '../../../shared/api/contract-retrieval';
import type { HandlerContext } from '../../runtime/handler-context';
import { readRequestFile } from './request-file';
import { takeInRequest } from './request-intake';
import { requestQueue } from './request-queue';
import { recordStep, requestDetail } from './request-steps';
import { writeRetrievalUpdate } from './retrieval-update';

/** Where the app writes retrieval updates unless told otherwise. */
export const RETRIEVALS_FOLDER = 'Retrievals';

type CenterCalls = 'center.requests.import' | 'center.requests' | 'center.request.get' | 'center.request.record' | 'center.request.writeUpdate';

export function centerRequestHandlers(context: HandlerContext): Pick<ApiHandlers, CenterCalls & keyof typeof retrievalContract> {
  return {
    'center.requests.import': async ({ file }) => {
      const catalog = context.current();
      const found = context.files.resolve(file);
      try {
        const received = await readRequestFile(found.uploaded ? found.path : resolve(found.path), found.fileName);
        return takeInRequest(catalog, received, found.fileName);
      } finally {
        await context.files.release(file);
      }
    },
    'center.requests': (input) => {
      const catalog = context.current();
      return requestQueue(catalog, input, catalog.now().slice(0, 10));
    },
    'center.request.get': ({ id }) => requestDetail(context.current(), id),
    'center.request.record': (input) => recordStep(context.current(), input),
    'center.request.writeUpdate': async ({ id, outDir }) => {
      const written = await writeRetrievalUpdate(context.current(), id, resolve(context.workspaceDir, outDir ?? RETRIEVALS_FOLDER));
      return { ...written, download: await context.files.offer(written.path) };
    },
  };
}
