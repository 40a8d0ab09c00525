// The `transmittal` command as a user runs it: `node bin/transmittal.js` in a real process, on a real catalog file.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Run } from './run-cli';
import type { Box, Folder } from '../../../shared/domain/types';

let workDir: string;

const transmittal = (...args: string[]): Promise<Run> => runCli(workDir, args);

/** The promise made to users and scripts: a failure is exactly one line on stderr, starting "transmittal: ". */
function expectOneErrorLine(run: Run): string {
  const lines = run.stderr.split('\n').filter((line) => line.length > 0);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^transmittal: \S/);
  return lines[0];
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'transmittal-cli-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('transmittal, end to end', () => {
  it('creates a catalog, adds a box and folders, lists and searches them', async () => {
    const init = await transmittal('init', 'permits', '--department', 'Building Permits');
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Building Permits');
    expect(existsSync(join(workDir, 'permits.transmittal'))).toBe(true);

    const addBox = await transmittal('add-box', 'permits.transmittal', '--label', '2019-A', '--cubic-feet', '1.0', '--location', 'Room 104', '--json');
    expect(addBox.code).toBe(0);
    const box = JSON.parse(addBox.stdout) as Box;
    expect(box).toMatchObject({ label: '2019-A', cubicFeet: 1, officeLocation: 'Room 104' });

    const first = await transmittal(
      'add-folder', 'permits', '--box', '2019-A', '--title', 'Oak Street permits', '--file-code', 'BP-12', '--begin', '2019-01', '--end', '2019-12',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Oak Street permits');
    const second = await transmittal('add-folder', 'permits', '--box', String(box.id), '--title', 'Elm Avenue inspections', '--confidential', '--begin', 'FY2020');
    expect(second.code).toBe(0);

    const list = await transmittal('list', 'permits', 'folders', '--json');
    expect(list.code).toBe(0);
    const folders = JSON.parse(list.stdout) as Folder[];
    expect(folders.map((folder) => [folder.position, folder.title, folder.boxLabel, folder.fileCode, folder.beginDate, folder.endDate, folder.confidential])).toEqual([
      [1, 'Oak Street permits', '2019-A', 'BP-12', '2019-01', '2019-12', false],
      [2, 'Elm Avenue inspections', '2019-A', '', 'FY2020', '', true],
    ]);

    const boxes = JSON.parse((await transmittal('list', 'permits', 'boxes', '--json')).stdout) as Box[];
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toMatchObject({ label: '2019-A', folderCount: 2 });

    const search = await transmittal('search', 'permits', 'insp', '--json');
    expect(search.code).toBe(0);
    expect((JSON.parse(search.stdout) as Folder[]).map((folder) => folder.title)).toEqual(['Elm Avenue inspections']);

    const none = await transmittal('search', 'permits', 'zebra');
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No folders match "zebra".\n');
  }, 180_000);

  it('prints aligned columns for people', async () => {
    const run = await transmittal('list', 'permits', 'folders');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Box\s+No\.\s+Title\s+File code\s+Dates\s+Disposition$/);
    expect(lines).toHaveLength(3);
    const titleColumn = lines[0].indexOf('Title');
    expect(lines[1].slice(titleColumn)).toMatch(/^Oak Street permits\s+BP-12\s+2019-01 – 2019-12/);
    expect(lines[2].slice(titleColumn)).toMatch(/^Elm Avenue inspections/);
  });

  it('honours --limit and says how many were left out', async () => {
    const json = await transmittal('list', 'permits', 'folders', '--json', '--limit', '1');
    expect((JSON.parse(json.stdout) as Folder[]).map((folder) => folder.position)).toEqual([1]);
    const plain = await transmittal('list', 'permits', 'folders', '--limit', '1');
    expect(plain.stdout).toContain('Showing 1 of 2 folders');
  });

  it('refuses a bad date with one line naming the field, and changes nothing', async () => {
    const run = await transmittal('add-folder', 'permits', '--box', '2019-A', '--title', 'Maple Road permits', '--begin', '2019-13-40');
    expect(run.code).toBe(1);
    const line = expectOneErrorLine(run);
    expect(line).toContain('Begin date');
    expect(line).toContain('--begin');
    const folders = JSON.parse((await transmittal('list', 'permits', 'folders', '--json')).stdout) as Folder[];
    expect(folders).toHaveLength(2);
  });

  it('prints the error as JSON on stdout with --json', async () => {
    const run = await transmittal('add-folder', 'permits', '--box', '2019-A', '--title', 'Maple Road permits', '--end', 'last spring', '--json');
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { error: { code: string; message: string; details?: { field?: string } } };
    expect(answer.error.code).toBe('invalid-input');
    expect(answer.error.details?.field).toBe('folder.endDate');
    expectOneErrorLine(run);
  });

  it('names an unknown box and an unknown schedule item', async () => {
    const box = await transmittal('add-folder', 'permits', '--box', 'Box 99', '--title', 'Anything');
    expect(box.code).toBe(1);
    expect(expectOneErrorLine(box)).toContain('no box labelled "Box 99"');
    const item = await transmittal('add-folder', 'permits', '--box', '2019-A', '--title', 'Anything', '--item', 'GS 1010');
    expect(item.code).toBe(1);
    expect(expectOneErrorLine(item)).toContain('no schedule item numbered "GS 1010"');
  });

  it('explains a missing catalog', async () => {
    const run = await transmittal('list', 'nowhere', 'boxes');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const line = expectOneErrorLine(run);
    expect(line).toContain(`no catalog at ${join(workDir, 'nowhere.transmittal')}`);
    expect(line).toContain('transmittal init');
  });

  it('will not overwrite an existing catalog', async () => {
    const run = await transmittal('init', 'permits', '--department', 'Someone else');
    expect(run.code).toBe(1);
    expect(expectOneErrorLine(run)).toContain('already exists');
    const boxes = JSON.parse((await transmittal('list', 'permits', 'boxes', '--json')).stdout) as Box[];
    expect(boxes).toHaveLength(1);
  });

  it('answers usage errors with exit code 2 and one line', async () => {
    for (const args of [['list', 'permits', 'crates'], ['add-box', 'permits'], ['add-box', 'permits', '--label', 'X', '--cubic-feet', 'big'], ['frobnicate']]) {
      const run = await transmittal(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expectOneErrorLine(run);
    }
  });

  it('shows help and exits 0', async () => {
    const top = await transmittal('--help');
    expect(top.code).toBe(0);
    expect(top.stderr).toBe('');
    for (const command of ['init', 'list', 'search', 'add-box', 'add-folder']) expect(top.stdout).toContain(command);
    const addFolder = await transmittal('add-folder', '--help');
    expect(addFolder.code).toBe(0);
    expect(addFolder.stdout).toContain('--confidential');
    expect(addFolder.stdout).toContain('Example:');
  });
});
