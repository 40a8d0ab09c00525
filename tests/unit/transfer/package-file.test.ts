// Downloading a transfer package: nothing before a package job has finished, then the very zip it wrote, and a
// clear refusal naming the folder when the zip is too big to send as bytes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Jobs } from '../../../electron/runtime/jobs';
import type { HandlerContext } from '../../../electron/runtime/handler-context';
import { WrittenPackages } from '../../../electron/transfer/package-file';
import { transferHandlers } from '../../../electron/transfer/transfer-handlers';
import { addBoxes, createTransfer } from '../../../electron/transfer/transfer-store';
import { AppError } from '../../../shared/domain/errors';
import { FIXED_NOW, transferCatalog } from './transfer-fixtures';

let workspaceDir: string;
beforeEach(async () => {
  workspaceDir = await mkdtemp(join(tmpdir(), 'transmittal-package-file-'));
});
afterEach(async () => {
  await rm(workspaceDir, { recursive: true, force: true });
});

async function handlersWithDraft() {
  const catalog = await transferCatalog({ boxes: 2, foldersPerBox: 2 });
  const transfer = createTransfer(catalog.context, { recordsCenterId: catalog.centerId, notes: '' });
  addBoxes(catalog.context, { id: transfer.id, all: true });
  const jobs = new Jobs();
  const context: HandlerContext = {
    current: () => catalog.context, jobs, workspaceDir, clock: () => FIXED_NOW, actor: 'tester', appVersion: '9.9.9',
  };
  return { catalog, transfer, jobs, handlers: transferHandlers(context) };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('transfers.packageFile', () => {
  it('says to create the package first until a package job has finished, then returns the zip it wrote', async () => {
    const { transfer, jobs, handlers } = await handlersWithDraft();
    const before = await refusal(Promise.resolve(handlers['transfers.packageFile']({ id: transfer.id })));
    expect(before.toJSON()).toEqual({ code: 'not-found', message: 'Create the transfer package first.', details: { field: 'id' } });

    const started = await handlers['transfers.package']({ id: transfer.id });
    // Still running: its zip may not exist yet, so it is not offered.
    expect((await refusal(Promise.resolve(handlers['transfers.packageFile']({ id: transfer.id })))).code).toBe('not-found');
    expect((await jobs.wait(started.jobId)).state).toBe('done');

    const file = await handlers['transfers.packageFile']({ id: transfer.id });
    expect(started.zip).toBe(join(workspaceDir, 'Transfers', 'PW-2026-001-DRAFT.zip'));
    expect(file.fileName).toBe('PW-2026-001-DRAFT.zip');
    const bytes = Buffer.from(file.bytesBase64, 'base64');
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
    expect(bytes).toEqual(await readFile(started.zip));
  });

  it('names the transfer that does not exist rather than asking for a package', async () => {
    const { handlers } = await handlersWithDraft();
    const error = await refusal(Promise.resolve(handlers['transfers.packageFile']({ id: 999 })));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('There is no transfer with id 999');
  });

  it('asks again for the package when its zip was removed from disk', async () => {
    const { transfer, jobs, handlers } = await handlersWithDraft();
    const started = await handlers['transfers.package']({ id: transfer.id });
    await jobs.wait(started.jobId);
    await rm(started.zip);
    const error = await refusal(Promise.resolve(handlers['transfers.packageFile']({ id: transfer.id })));
    expect(error.message).toBe('Create the transfer package first.');
  });

  it('refuses a zip over the limit and says which folder to copy instead', async () => {
    const { catalog, transfer, jobs, handlers } = await handlersWithDraft();
    const started = await handlers['transfers.package']({ id: transfer.id });
    await jobs.wait(started.jobId);
    const size = (await readFile(started.zip)).length;
    const written = new WrittenPackages();
    written.record(catalog.context, transfer.id, started.zip);
    await expect(written.read(catalog.context, transfer.id, size)).resolves.toMatchObject({ fileName: 'PW-2026-001-DRAFT.zip' });
    const error = await refusal(written.read(catalog.context, transfer.id, size - 1));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('too large to download here');
    expect(error.message).toContain(`Copy it from ${started.folder} `);
    expect(error.details).toEqual({ field: 'id', file: started.zip });
  });
});
