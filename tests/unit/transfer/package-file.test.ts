// Downloading a transfer package: nothing before a package job has finished, then the very zip it wrote, streamed
// from a short-lived download address (never as bytes inside an API answer).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExchange } from '../../../electron/runtime/file-exchange';
import { Jobs } from '../../../electron/runtime/jobs';
import type { HandlerContext } from '../../../electron/runtime/handler-context';
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
  let now = Date.parse('2026-03-15T12:00:00Z');
  const files = new FileExchange({ parentDir: workspaceDir, now: () => now });
  const context: HandlerContext = {
    current: () => catalog.context, jobs, files, workspaceDir, clock: () => FIXED_NOW, actor: 'tester', appVersion: '9.9.9',
  };
  return { catalog, transfer, jobs, files, handlers: transferHandlers(context), later: (ms: number) => (now += ms) };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('transfers.packageFile', () => {
  it('says to create the package first until a package job has finished, then offers the zip it wrote', async () => {
    const { transfer, jobs, files, handlers, later } = await handlersWithDraft();
    const before = await refusal(Promise.resolve(handlers['transfers.packageFile']({ id: transfer.id })));
    expect(before.toJSON()).toEqual({ code: 'not-found', message: 'Create the transfer package first.', details: { field: 'id' } });

    const started = await handlers['transfers.package']({ id: transfer.id });
    // Still running: its zip may not exist yet, so it is not offered.
    expect((await refusal(Promise.resolve(handlers['transfers.packageFile']({ id: transfer.id })))).code).toBe('not-found');
    expect((await jobs.wait(started.jobId)).state).toBe('done');

    const file = await handlers['transfers.packageFile']({ id: transfer.id });
    expect(started.zip).toBe(join(workspaceDir, 'Transfers', 'PW-2026-001-DRAFT.zip'));
    expect(file.fileName).toBe('PW-2026-001-DRAFT.zip');
    expect(file.url).toMatch(/^\/download\/[0-9a-f]{32}\/PW-2026-001-DRAFT\.zip$/);
    const download = await files.openDownload(file.url);
    const chunks: Buffer[] = [];
    for await (const chunk of download!.body) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
    expect(bytes).toEqual(await readFile(started.zip));
    expect(download!.size).toBe(bytes.length);
    expect(file.size).toBe(bytes.length);

    // Each offer is its own address; an unknown or expired one serves nothing.
    const again = await handlers['transfers.packageFile']({ id: transfer.id });
    expect(again.url).not.toBe(file.url);
    expect(await files.openDownload(file.url.replace(/[0-9a-f]{32}/, '0'.repeat(32)))).toBeNull();
    expect(await files.openDownload('/download/../../etc/passwd')).toBeNull();
    later(16 * 60 * 1000);
    expect(await files.openDownload(file.url)).toBeNull();
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
    expect(error.message).toBe('The package is no longer where it was written: create the transfer package again.');
  });
});
