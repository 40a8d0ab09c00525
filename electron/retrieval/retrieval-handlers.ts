// The contract's department retrieval calls (shared/api/contract-retrieval.ts): asking for boxes and folders back,
// taking in the center's updates, and where everything is now.
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { retrievalContract } from '../../shared/api/contract-retrieval';
import type { HandlerContext } from '../runtime/handler-context';
import { readRegularFile } from '../storage/regular-file';
import { getRetrieval, listRetrievals } from './retrieval-list';
import { retrievalOptions } from './retrieval-options';
import { requestRetrieval } from './retrieval-request';
import { importRetrievalUpdate, RETRIEVAL_UPDATE_MAX_BYTES } from './update-import';
import { whereSearch } from './where-search';

/** Where the app writes retrieval requests unless told otherwise. */
export const RETRIEVALS_FOLDER = 'Retrievals';

type DepartmentCalls = 'retrievals.options' | 'retrievals.request' | 'retrievals.list' | 'retrievals.get' | 'retrievals.importUpdate' | 'catalog.where';

export function retrievalHandlers(context: HandlerContext): Pick<ApiHandlers, DepartmentCalls & keyof typeof retrievalContract> {
  return {
    'retrievals.options': (input) => {
      const { candidates: _candidates, recordsCenter: _center, ...options } = retrievalOptions(context.current(), input);
      return options;
    },
    'retrievals.request': async ({ outDir, ...input }) => {
      const written = await requestRetrieval(context.current(), input, resolve(context.workspaceDir, outDir ?? RETRIEVALS_FOLDER));
      return { ...written, download: await context.files.offer(written.path), pdfDownload: await context.files.offer(written.pdfPath) };
    },
    'retrievals.list': ({ open }) => listRetrievals(context.current(), open),
    'retrievals.get': ({ id }) => getRetrieval(context.current(), id),
    'retrievals.importUpdate': async ({ file }) => {
      const found = context.files.resolve(file);
      try {
        // One byte over the limit is enough to tell the file is too large, without reading all of it.
        const bytes = await readRegularFile(found.path, { maxBytes: RETRIEVAL_UPDATE_MAX_BYTES + 1 });
        return importRetrievalUpdate(context.current(), new Uint8Array(bytes), found.fileName);
      } finally {
        await context.files.release(file);
      }
    },
    'catalog.where': ({ query, limit }) => whereSearch(context.current(), query, limit),
  };
}
