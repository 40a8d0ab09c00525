// The CLI reports success only for changes that are on disk: a save that fails (a full disk, a folder that refuses
// new files, a failed rename) exits 1 with the reason and prints nothing that says the change was made.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultyFileSystem, noFaults, type Faults } from '../storage/fixtures/faulty-fs';
import { cliInProcess } from './in-process';

let workDir: string;
let faults: Faults;

const cli = (...argv: string[]) => cliInProcess(argv, { fileSystem: faultyFileSystem(faults) });

const catalog = () => join(workDir, 'office.transmittal');

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'transmittal-cli-save-'));
  faults = noFaults();
  expect((await cli('init', catalog(), '--department', 'Clerk')).code).toBe(0);
  expect((await cli('add-box', catalog(), '--label', 'Kept')).code).toBe(0);
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('a CLI change whose save fails', () => {
  // A folder that refuses new files refuses the lock too: the catalog opens read-only and the change is refused
  // before it is made, rather than made and then not saved.
  it.each([
    ['a full disk', { bytesLeft: 2_000 }, 'the disk is full', /nothing was changed/],
    ['a folder that refuses new files', { createError: 'EACCES' }, 'permission denied', /open read-only/],
    ['a failed rename', { renameError: 'EIO' }, 'the disk reported an error', /nothing was changed/],
  ])('add-box on %s exits 1, says why, and changes nothing', async (_name, fault, reason, outcome) => {
    const before = await readFile(catalog());
    Object.assign(faults, fault);
    const run = await cli('add-box', catalog(), '--label', 'Lost');
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/Added/);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toMatch(outcome);
    // One sentence, the reason said once: never the API's whole message folded into the CLI's.
    if (outcome.source === 'nothing was changed') {
      expect(run.stderr.trim()).toBe(`transmittal: could not save ${catalog()}: ${reason}; nothing was changed`);
    }
    expect(await readFile(catalog())).toEqual(before);

    Object.assign(faults, noFaults());
    const list = await cli('list', catalog(), 'boxes', '--json');
    expect(JSON.parse(list.stdout).map((box: { label: string }) => box.label)).toEqual(['Kept']);
  });

  it('add-folder and --json say the same', async () => {
    faults.bytesLeft = 2_000;
    const run = await cli('add-folder', catalog(), '--box', 'Kept', '--title', 'Lost letters', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'save-failed', message: expect.stringContaining('the disk is full') } });
  });

  it('import exits 1 and says nothing was imported', async () => {
    const file = join(workDir, 'boxes.csv');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, 'Box,Folder title\nB1,Permits 2019\nB1,Permits 2020\n');
    faults.bytesLeft = 2_000;
    const run = await cli('import', catalog(), file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the disk is full');
    expect(run.stdout).not.toMatch(/folders? added/);
    Object.assign(faults, noFaults());
    const list = await cli('list', catalog(), 'folders', '--json');
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
