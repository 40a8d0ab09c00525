// `transmittal history`, run in process: the chain check and a box's timeline in words.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineEntry } from '../../../shared/custody/timeline';
import { cli } from './in-process';

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'transmittal-cli-history-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('transmittal history', () => {
  it('says the chain holds, and lists a box’s timeline', async () => {
    const catalog = join(workDir, 'office');
    expect((await cli('init', catalog, '--department', 'Clerk')).code).toBe(0);
    expect((await cli('add-box', catalog, '--label', 'A-1')).code).toBe(0);
    expect(await cli('history', 'verify', catalog)).toMatchObject({ code: 0, stdout: 'The custody history holds: 0 events, none changed or missing.\n' });
    const box = await cli('history', 'box', catalog, '--box', 'A-1');
    expect(box.stdout).toMatch(/^\d{4}-\d{2}-\d{2}T\S+ {2}Catalogued as box A-1\n$/);
  });

  it('says each kind of event in words, with the center’s own words', () => {
    expect(timelineEntry({ kind: 'sent', at: '2026-03-02T10:00:00Z', actor: 'ana', detail: { transferNumber: 'PW-2026-003', sequence: 2 } }).what).toBe('Sent in PW-2026-003 (box 2)');
    expect(timelineEntry({ kind: 'discrepancy', at: '2026-03-10T10:00:00Z', actor: 'Lee Park', detail: { text: 'Not in the delivery', accession: 'PW-2026-0042' } }).what)
      .toBe('Discrepancy noted: Not in the delivery (accession PW-2026-0042)');
    expect(timelineEntry({ kind: 'located', at: '2026-03-10T10:00:00Z', actor: 'Lee Park', detail: { words: 'Building A / Row 1' } }).what).toBe('Shelved: Building A / Row 1');
  });
});
