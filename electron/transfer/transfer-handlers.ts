// The contract's transfer calls (shared/api/contract-transfers.ts), mapped to the transfer operations.
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { transferContract } from '../../shared/api/contract-transfers';
import type { HandlerContext } from '../runtime/handler-context';
import { WrittenPackages } from './package-file';
import { getTransferDetail } from './transfer-detail';
import { getTransferRow, listTransfers } from './transfer-rows';
import { addBoxes, createTransfer, removeBoxes } from './transfer-store';
import { checkTransfer } from './transfer-validation';
import { amendSent } from './amend-transfer';
import { writeAmendmentsFile } from './amendments-file';

/** Where the app puts transfer packages unless told otherwise. */
export const TRANSFERS_FOLDER = 'Transfers';

export function transferHandlers(context: HandlerContext): Pick<ApiHandlers, keyof typeof transferContract> {
  const written = new WrittenPackages();
  return {
    'transfers.list': () => listTransfers(context.current()),
    'transfers.get': ({ id }) => getTransferDetail(context.current(), id),
    'transfers.create': (input) => createTransfer(context.current(), input),
    'transfers.addBoxes': (input) => addBoxes(context.current(), input),
    'transfers.removeBoxes': (input) => removeBoxes(context.current(), input),
    'transfers.validate': ({ id }) => checkTransfer(context.current(), id),
    // Sending and packaging load the manifest, PDF and spreadsheet code on first use: most sessions (and every
    // other CLI command) never need pdf-lib, fontkit or SheetJS, and should not wait for them to load.
    'transfers.send': async ({ id }) => (await import('./send-transfer')).sendTransfer(context.current(), id),
    'transfers.package': async ({ id, outDir }) => {
      const catalog = context.current();
      const started = await (await import('./package-transfer')).startPackage(catalog, id, {
        outDir: resolve(context.workspaceDir, outDir ?? TRANSFERS_FOLDER),
        jobs: context.jobs,
        clock: context.clock,
        appVersion: context.appVersion,
      });
      // Only a finished job's zip is offered for download: a running or failed one may be missing or half written.
      // (A job pruned from the list before this runs simply leaves nothing to download.)
      context.jobs.wait(started.jobId).then(
        (job) => job.state === 'done' && written.record(catalog, id, started.zip),
        () => undefined,
      );
      return started;
    },
    'transfers.amend': (input) => amendSent(context.current(), input),
    'transfers.writeAmendments': async ({ id, outDir }) => {
      const written = await writeAmendmentsFile(context.current(), id, resolve(context.workspaceDir, outDir ?? TRANSFERS_FOLDER), context.clock().toISOString());
      return { ...written, download: await context.files.offer(written.path) };
    },
    'transfers.packageFile': async ({ id }) => {
      const catalog = context.current();
      getTransferRow(catalog, id); // an unknown transfer is named as such, not met with "create the package first"
      return await written.offer(catalog, id, context.files);
    },
  };
}
