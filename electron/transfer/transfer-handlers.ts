// The contract's transfer calls (shared/api/contract-transfers.ts), mapped to the transfer operations.
import { ACKNOWLEDGMENT_MAX_BYTES, importAcknowledgment } from './acknowledgment-import';
import { readRegularFile } from '../storage/regular-file';
import { writeBoxLabels } from './labels-file';
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { transferContract } from '../../shared/api/contract-transfers';
import type { HandlerContext } from '../runtime/handler-context';
import { WrittenPackages } from './package-file';
import { getTransferDetail } from './transfer-detail';
import { getTransferRow, listTransfers } from './transfer-rows';
import { addBoxes, createTransfer, removeBoxes, requireEditable, updateTransfer } from './transfer-store';
import { checkTransfer } from './transfer-validation';
import { amendSent } from './amend-transfer';
import { addTransferFiles, removeTransferFiles, type FileToAdd } from './transfer-files';
import { writeAmendmentsFile } from './amendments-file';

/** Where the app puts transfer packages unless told otherwise. */
export const TRANSFERS_FOLDER = 'Transfers';

export function transferHandlers(context: HandlerContext): Pick<ApiHandlers, keyof typeof transferContract> {
  const written = new WrittenPackages();
  return {
    'transfers.list': () => listTransfers(context.current()),
    'transfers.get': ({ id }) => getTransferDetail(context.current(), id),
    'transfers.create': (input) => createTransfer(context.current(), input),
    'transfers.update': (input) => updateTransfer(context.current(), input),
    'transfers.addBoxes': (input) => addBoxes(context.current(), input),
    'transfers.removeBoxes': (input) => removeBoxes(context.current(), input),
    'transfers.validate': ({ id }) => checkTransfer(context.current(), id),
    // Sending and packaging load the manifest, PDF and spreadsheet code on first use: most sessions (and every
    // other CLI command) never need pdf-lib, fontkit or SheetJS, and should not wait for them to load.
    'transfers.send': async ({ id, eligibleReason }) => (await import('./send-transfer')).sendTransfer(context.current(), id, eligibleReason ?? ''),
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
    'transfers.addFiles': async ({ id, files }) => {
      const catalog = context.current();
      const transfer = requireEditable(catalog, id);
      // Resolved now (a bad reference is refused at once); uploads are copied into the workspace, as their temp copy goes.
      const keep = resolve(context.workspaceDir, TRANSFERS_FOLDER, `${transfer.number} electronic records`);
      const toAdd: FileToAdd[] = files.map((ref) => {
        const found = context.files.resolve(ref);
        return { path: found.uploaded ? found.path : resolve(found.path), fileName: found.fileName, ...(found.uploaded ? { keepCopyIn: keep } : {}) };
      });
      const jobId = context.jobs.start(`Adding ${toAdd.length === 1 ? toAdd[0].fileName : `${toAdd.length} files`} to transfer ${transfer.number}`, async (control) => {
        try {
          await addTransferFiles(catalog, id, toAdd, control);
        } finally {
          for (const ref of files) await context.files.release(ref);
        }
      });
      return { jobId };
    },
    'transfers.removeFiles': ({ id, fileIds }) => removeTransferFiles(context.current(), id, fileIds),
    'transfers.amend': (input) => amendSent(context.current(), input),
    'transfers.writeAmendments': async ({ id, outDir }) => {
      const written = await writeAmendmentsFile(context.current(), id, resolve(context.workspaceDir, outDir ?? TRANSFERS_FOLDER), context.clock().toISOString());
      return { ...written, download: await context.files.offer(written.path) };
    },
    'acknowledgments.import': async ({ file }) => {
      const found = context.files.resolve(file);
      try {
        const bytes = await readRegularFile(found.path, { maxBytes: ACKNOWLEDGMENT_MAX_BYTES + 1 });
        return importAcknowledgment(context.current(), new Uint8Array(bytes), found.fileName);
      } finally {
        await context.files.release(file);
      }
    },
    'transfers.printLabels': async (input) => {
      const labels = await writeBoxLabels(context.current(), input, resolve(context.workspaceDir, TRANSFERS_FOLDER));
      return { ...labels, download: await context.files.offer(labels.path) };
    },
    'transfers.packageFile': async ({ id }) => {
      const catalog = context.current();
      getTransferRow(catalog, id); // an unknown transfer is named as such, not met with "create the package first"
      return await written.offer(catalog, id, context.files);
    },
  };
}
