// The paperwork a catalog keeps, from the command line: a department that sent transfer PW-… of boxes PW-1 to PW-3
// lists its manifest, finds it by the transfer number and by a box label (and nothing for words it does not hold),
// shows and sets how many years paperwork is kept after the records are destroyed, and a value out of range is a
// usage error (exit 2) that changes nothing.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperworkRow } from '../../../shared/api/contract-disposition';
import { testSession, type TestSession } from '../catalog/session-helpers';
import { departmentTransfer } from '../center/center-fixtures';
import { cli } from './in-process';
import { json } from './two-catalogs';

let department: TestSession;
let transferNumber: string;
let fingerprint: string;
const office = () => join(department.dir, 'Public Works');

beforeAll(async () => {
  department = await testSession();
  const transferId = await departmentTransfer(department);
  await department.call('transfers.send', { id: transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
  const transfer = await department.call('transfers.get', { id: transferId });
  transferNumber = transfer.number;
  fingerprint = transfer.fingerprint ?? '';
  await department.call('catalog.close', {});
});

afterAll(async () => {
  await department.dispose();
});

describe('transmittal paperwork', () => {
  it('lists the manifest of the sent transfer, kept while its boxes exist', async () => {
    const listed = await json<{ years: number; rows: PaperworkRow[] }>('paperwork', 'list', office());
    expect(listed.years).toBe(6);
    expect(listed.rows.map((row) => [row.kind, row.number, row.keepUntil])).toEqual([['manifest', transferNumber, null]]);
    expect(listed.rows[0].about).toBe(`Transfer ${transferNumber} to City Records Center: 3 boxes (PW-1, PW-2, PW-3)`);
    expect(listed.rows[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The same seal the sent manifest carries.
    expect(listed.rows[0].fingerprint).toBe(fingerprint);

    const run = await cli('paperwork', 'list', office());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const [header, line, ...rest] = run.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^Kind\s+Number\s+Date\s+Kept until\s+Fingerprint\s+About$/);
    expect(line).toContain('Manifest');
    expect(line).toContain(transferNumber);
    expect(line).toContain('while the records exist');
    expect(line).toContain(listed.rows[0].fingerprint.slice(0, 12));
    expect(line).not.toContain(listed.rows[0].fingerprint.slice(0, 13));
    expect(rest.join('\n')).toBe('1 document. Each is kept while its records exist, then 6 years after the last of its records is destroyed or sent to the archives.');
  });

  it('finds it by the transfer number and by a box label, and says when nothing matches', async () => {
    const byNumber = await json<{ rows: PaperworkRow[] }>('paperwork', 'list', office(), '--search', transferNumber);
    expect(byNumber.rows.map((row) => row.number)).toEqual([transferNumber]);
    const byLabel = await json<{ rows: PaperworkRow[] }>('paperwork', 'list', office(), '--search', 'pw-2');
    expect(byLabel.rows.map((row) => [row.kind, row.number])).toEqual([['manifest', transferNumber]]);
    const none = await json<{ rows: PaperworkRow[] }>('paperwork', 'list', office(), '--search', 'zebra');
    expect(none.rows).toEqual([]);

    const run = await cli('paperwork', 'list', office(), '--search', 'zebra');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('No paperwork matches "zebra".\n');
  });

  it('shows the years, sets them, and refuses a value out of range with exit 2', async () => {
    expect(await json('paperwork', 'years', office())).toEqual({ years: 6 });
    expect((await cli('paperwork', 'years', office())).stdout).toBe('Paperwork is kept 6 years after the last of its records is destroyed or sent to the archives.\n');

    expect(await json('paperwork', 'years', office(), '10')).toEqual({ years: 10 });
    const shown = await cli('paperwork', 'years', office());
    expect(shown.stdout).toBe('Paperwork is kept 10 years after the last of its records is destroyed or sent to the archives.\n');
    expect((await json<{ years: number }>('paperwork', 'list', office())).years).toBe(10);

    const set = await cli('paperwork', 'years', office(), '7');
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('Paperwork is now kept 7 years after the last of its records is destroyed or sent to the archives.\n');

    for (const bad of ['0', '101', 'six', '2.5']) {
      const refused = await cli('paperwork', 'years', office(), bad, '--json');
      expect(refused.code, bad).toBe(2);
      expect(JSON.parse(refused.stdout).error.code).toBe('invalid-input');
      expect(refused.stderr).toMatch(/whole number of years from 1 to 100/);
    }
    // Nothing refused was saved.
    expect(await json('paperwork', 'years', office())).toEqual({ years: 7 });
  });

  it('names the catalog it could not open, with exit 1', async () => {
    const missing = await cli('paperwork', 'list', join(department.dir, 'Nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Nowhere/);
  });
});
