// The CLI in-process, on real catalogs through the real session: how it finds boxes and schedule items, pages
// through long lists, and reports usage errors.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/api/contract';
import type { Folder } from '../../../shared/domain/types';
import { createSession } from '../../../electron/session/session';
import { readAll } from '../../../electron/cli/browse-commands';
import { cli } from './in-process';

let workDir: string;


const catalog = () => join(workDir, 'office');

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'transmittal-cli-program-'));
  expect((await cli('init', catalog(), '--department', 'Clerk')).code).toBe(0);
  // A schedule item, as the app would add it: the CLI has no command for the schedule yet.
  const session = await createSession({ workspaceDir: workDir, actor: 'test', appVersion: '0.0.0' });
  const opened = await session.dispatch('catalog.open', { path: `${catalog()}.transmittal` });
  expect(opened.ok).toBe(true);
  const item = await session.dispatch('schedule.create', {
    itemNumber: 'GS 1010',
    title: 'Building permits',
    rule: { kind: 'period', years: 3, trigger: 'calendar-year' },
  });
  expect(item.ok).toBe(true);
  await session.close();
  for (const label of ['2', 'Annex', 'Annex']) expect((await cli('add-box', catalog(), '--label', label)).code).toBe(0);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('add-folder finds what the user names', () => {
  it('takes --box as the office label before the id', async () => {
    // The box labelled "2" has id 1; the second box (id 2) is labelled "Annex".
    const run = await cli('add-folder', catalog(), '--box', '2', '--title', 'Labelled two', '--json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Folder).boxLabel).toBe('2');
  });

  it('falls back to the id when no label matches', async () => {
    const run = await cli('add-folder', catalog(), '--box', '1', '--title', 'By id', '--json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Folder).boxId).toBe(1);
  });

  it('refuses a label two boxes share, giving their ids', async () => {
    const run = await cli('add-folder', catalog(), '--box', 'annex', '--title', 'Ambiguous');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('transmittal: 2 boxes are labelled "annex"; give the box id instead (ids: 2, 3)\n');
  });

  it('finds the schedule item ignoring case and spacing, so the folder gets a disposition date', async () => {
    const run = await cli('add-folder', catalog(), '--box', '2', '--title', 'Permits 2019', '--item', 'gs  1010', '--end', '2019', '--json');
    expect(run.stderr).toBe('');
    const folder = JSON.parse(run.stdout) as Folder;
    expect(folder.itemNumber).toBe('GS 1010');
    expect(folder.dispositionStatus).toBe('scheduled');
    expect(folder.dispositionDate).toMatch(/^202[23]-/);
  });

  it('lists the known items when the number is wrong', async () => {
    const run = await cli('add-folder', catalog(), '--box', '2', '--title', 'x', '--item', 'GS 9');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('known items: GS 1010');
  });
});

describe('usage errors', () => {
  it('answers a bare command with help on stdout and one line on stderr', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: transmittal');
    expect(run.stderr).toBe('transmittal: say which command to run (see the list above)\n');
  });

  it('points at the command’s own help', async () => {
    const run = await cli('list', catalog(), 'folders', '--limit', 'ten');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^transmittal: option '--limit <n>' argument 'ten' is invalid\. .*\(see: transmittal list --help\)\n$/);
  });

  it('reports a usage error as JSON when --json is given', async () => {
    const run = await cli('search', catalog(), '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'invalid-input', message: "missing required argument 'query'" } });
  });
});

describe('readAll', () => {
  const rows = Array.from({ length: 2500 }, (_, index) => index);
  const pages = (asked: [number, number][]) => async (offset: number, limit: number): Promise<Page<number>> => {
    asked.push([offset, limit]);
    return { total: rows.length, offset, rows: rows.slice(offset, offset + limit) };
  };

  it('reads every page when there is no limit', async () => {
    const asked: [number, number][] = [];
    const found = await readAll(pages(asked));
    expect(found.rows).toEqual(rows);
    expect(asked).toEqual([[0, 1000], [1000, 1000], [2000, 1000]]);
  });

  it('stops at the limit', async () => {
    const asked: [number, number][] = [];
    const found = await readAll(pages(asked), 1500);
    expect(found).toEqual({ rows: rows.slice(0, 1500), total: 2500 });
    expect(asked).toEqual([[0, 1000], [1000, 500]]);
  });
});
