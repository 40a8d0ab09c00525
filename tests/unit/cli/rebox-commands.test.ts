// `transmittal move-folder` and `transmittal rebox`, run in process on a real catalog file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './in-process';

let workDir: string;


const catalog = () => join(workDir, 'office');
/** The JSON list is a page ({ rows }) or the rows themselves. */
const labels = (listed: { rows?: { label: string }[] } | { label: string }[]) => (Array.isArray(listed) ? listed : (listed.rows ?? []));

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'transmittal-cli-rebox-'));
  expect((await cli('init', catalog(), '--department', 'Clerk')).code).toBe(0);
  expect((await cli('schedule', 'add', catalog(), '--item', 'GS 1010', '--title', 'Building permits', '--retention', 'CY+3', '--disposition', 'destroy')).code).toBe(0);
  expect((await cli('schedule', 'add', catalog(), '--item', 'GS 2020', '--title', 'Council minutes', '--retention', 'Permanent', '--disposition', 'archives')).code).toBe(0);
  for (const label of ['A', 'B']) expect((await cli('add-box', catalog(), '--label', label)).code).toBe(0);
  for (const [title, item, begin] of [['Oak permits', 'GS 1010', '2018'], ['Elm permits', 'GS 1010', '2018'], ['Minutes 2019', 'GS 2020', '2019'], ['Old permits', 'GS 1010', '2001']]) {
    expect((await cli('add-folder', catalog(), '--box', 'A', '--title', title, '--item', item, '--begin', begin)).code).toBe(0);
  }
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('re-boxing from the command line', () => {
  it('shows the plan with --dry-run and changes nothing, then applies it', async () => {
    const dry = await cli('rebox', catalog(), '--box', 'A', '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toBe(
      'Plan for box A, one box per disposition date:\n' +
        '  stays in A: 2 folders, disposition from 2022-01-01\n' +
        '  new box A-2: 1 folder, disposition from 2005-01-01\n' +
        '  new box A-3: 1 folder, kept permanently\n' +
        'Nothing was changed (--dry-run).\n',
    );
    expect(labels(JSON.parse((await cli('list', catalog(), 'boxes', '--json')).stdout)).map((box: { label: string }) => box.label)).toEqual(['A', 'B']);
    const done = await cli('rebox', catalog(), '--box', 'A');
    expect(done.stdout).toContain('Re-boxed box A, one box per disposition date:\n');
    expect(labels(JSON.parse((await cli('list', catalog(), 'boxes', '--json')).stdout)).map((box: { label: string }) => box.label)).toEqual(['A', 'A-2', 'A-3', 'B']);
    expect((await cli('rebox', catalog(), '--box', 'A')).stdout).toBe('Box A holds one disposition date only: nothing to re-box.\n');
    expect((await cli('rebox', catalog(), '--box', 'A', '--by', 'colour')).code).toBe(2);
  });

  it('moves folders by their number in the box, and names a folder that is not there', async () => {
    const moved = await cli('move-folder', catalog(), '--from-box', 'A', '--folder', '2', '--to-box', 'B');
    expect(moved).toMatchObject({ code: 0, stdout: 'Moved 1 folder to box B.\n' });
    const missing = await cli('move-folder', catalog(), '--from-box', 'A', '--folder', '9', '--to-box', 'B');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('box A has no folder 9');
  });
});
