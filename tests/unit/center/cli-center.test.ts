// The records center's commands in-process, on real catalogs: a department's package taken in, checked in with a
// box missing and an extra one, shelved, acknowledged and searched, with --json and the exit codes of every command.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessionDetail, AccessionSummary, HoldingFolderHit, IntakeResult } from '../../../shared/api/contract-center';
import type { Page } from '../../../shared/api/contract';
import { acknowledgmentSchema } from '../../../shared/exchange/acknowledgment';
import { testSession, type TestSession } from '../catalog/session-helpers';
import { departmentTransfer, packageSent } from './center-fixtures';
import { cli } from '../cli/in-process';


let department: TestSession;
let zip: string;
let transferNumber: string;
const center = () => join(department.dir, 'center', 'City Records Center');

beforeAll(async () => {
  department = await testSession();
  const transferId = await departmentTransfer(department);
  zip = (await packageSent(department, transferId)).zip;
  transferNumber = (await department.call('transfers.get', { id: transferId })).number;
  await department.call('catalog.close', {});
  expect((await cli('init', center(), '--department', 'City Records Center', '--role', 'records-center')).code).toBe(0);
});

afterAll(async () => {
  await department.dispose();
  await rm(join(department.dir, 'center'), { recursive: true, force: true });
});

describe('the records center from the command line', () => {
  it('takes in, checks in, shelves, acknowledges and searches', async () => {
    const intake = await cli('intake', center(), zip, '--json');
    expect(intake.stderr).toBe('');
    const taken = JSON.parse(intake.stdout) as IntakeResult;
    expect(taken.accession).toMatchObject({ transferNumber, status: 'received', totals: { boxes: 3, folders: 6 } });
    const accessionNumber = taken.accession.accessionNumber;

    const again = await cli('intake', center(), zip);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`^transmittal: Transfer ${transferNumber} was already taken in as accession ${accessionNumber} on .*: nothing was changed\\.\\n$`));

    expect((await cli('checkin', center(), transferNumber, '--damaged', '1')).code).toBe(2);
    const checkin = await cli('checkin', center(), transferNumber, '--received', `${transferNumber}-001`, '3', '--missing', '2', '--extra', 'Unlabelled box');
    expect(checkin.stderr).toBe('');
    expect(checkin.stdout).toContain('2 discrepancies recorded; every listed box is checked in.');
    const rescan = await cli('checkin', center(), accessionNumber, '--received', '1');
    expect(rescan.stdout).toMatch(/^\(unchanged\) Box 1 of 3 .* was already checked in as received/);

    expect((await cli('locations', 'add', center(), '--building', 'A', '--rows', '1-2', '--bays', '1', '--shelves', '1-2', '--positions', '2', '--capacity', '1.2')).stdout)
      .toBe('Added 8 shelf positions in building A.\n');
    expect((await cli('locations', 'add', center(), '--building', 'A', '--rows', '3-1', '--bays', '1', '--shelves', '1', '--positions', '2', '--capacity', '1.2')).code).toBe(2);

    const accessioned = await cli('accession', center(), transferNumber, '--locations', 'auto', '--json');
    expect(accessioned.stderr).toBe('');
    const detail = JSON.parse(accessioned.stdout) as AccessionDetail;
    expect(detail.boxes.map((box) => [box.sequence, box.centerBoxNumber, box.location])).toEqual([
      [1, '1', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 1'],
      [2, null, null],
      [3, '2', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 2'],
      [null, '3', 'Building A / Row 1 / Bay 1 / Shelf 2 / Position 1'],
    ]);

    const outDir = join(department.dir, 'center', 'outbox');
    const acknowledged = await cli('acknowledge', center(), transferNumber, '--out', outDir, '--json');
    expect(acknowledged.stderr).toBe('');
    const written = JSON.parse(acknowledged.stdout) as { path: string; fingerprint: string };
    expect(written.path).toBe(join(outDir, `${transferNumber}-acknowledgment.json`));
    const acknowledgment = acknowledgmentSchema.parse(JSON.parse(await readFile(written.path, 'utf8')));
    expect(acknowledgment.boxes.map((box) => box.status)).toEqual(['received', 'missing', 'received']);
    expect(acknowledgment.extraBoxes.map((box) => box.description)).toEqual(['Unlabelled box']);

    const search = await cli('holdings', 'search', center(), 'elm', '--json');
    const page = JSON.parse(search.stdout) as Page<HoldingFolderHit>;
    expect(page.rows.map((hit) => [hit.title, hit.boxStatus, hit.location])).toEqual([
      ['Elm Street permits 2018', 'missing', null],
      ['Elm Street permits 2019', 'missing', null],
    ]);
    expect((await cli('holdings', 'search', center(), 'oak', '--department', 'pw')).stdout).toContain('Building A / Row 1 / Bay 1 / Shelf 1 / Position 1');
    const list = JSON.parse((await cli('holdings', 'list', center(), '--json')).stdout) as AccessionSummary[];
    expect(list.map((each) => [each.accessionNumber, each.status, each.totals.missing, each.totals.extra])).toEqual([[accessionNumber, 'accessioned', 1, 1]]);
    expect((await cli('locations', 'list', center(), '--free')).stdout).toContain('8 positions: 3 used, 5 free.');
  });

  it('refuses an unknown transfer and a department catalog in one line, exit code 1', async () => {
    const unknown = await cli('checkin', center(), 'XX-1', '--received', '1');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^transmittal: there is no transfer or accession "XX-1" in this catalog/);
    const office = join(department.dir, 'center', 'Office');
    expect((await cli('init', office, '--department', 'Public Works')).code).toBe(0);
    const refused = await cli('intake', office, zip, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toBe('forbidden');
  });
});
