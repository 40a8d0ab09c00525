// Both sides on real catalogs for the command-line tests: Public Works (a test session) sends transfer PW-… of boxes
// PW-1 to PW-3; City Records Center, made and run by the command, takes it in, checks in all three, shelves them and
// acknowledges it; Public Works takes the acknowledgment in. Every catalog and file lives in the session's folder.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RecordsCenterInput } from '../../../shared/domain/types';
import { testSession } from '../catalog/session-helpers';
import { centerProfile, departmentTransfer, packageSent } from '../center/center-fixtures';
import { cli } from './in-process';

export interface TwoCatalogs {
  /** The folder both catalogs and every file the tests write live in. */
  dir: string;
  /** Public Works' catalog. */
  office: string;
  /** City Records Center's catalog. */
  center: string;
  /** Where the center writes its files. */
  outbox: string;
  transferNumber: string;
  dispose(): Promise<void>;
}

/** Runs a command that must succeed and answers its --json output. */
export async function json<T>(...argv: string[]): Promise<T> {
  const run = await cli(...argv, '--json');
  expect(run.stderr, argv.join(' ')).toBe('');
  expect(run.code, argv.join(' ')).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** `center`: what Public Works' record of the center states besides the fixture's profile, set before sending. */
export async function twoCatalogs(options: { center?: Partial<RecordsCenterInput> } = {}): Promise<TwoCatalogs> {
  const department = await testSession();
  const transferId = await departmentTransfer(department);
  if (options.center) {
    const centerId = (await department.call('centers.list', {}))[0].id;
    await department.call('centers.update', { id: centerId, center: { ...centerProfile, ...options.center } });
  }
  const { zip } = await packageSent(department, transferId);
  const transferNumber = (await department.call('transfers.get', { id: transferId })).number;
  await department.call('catalog.close', {});

  const office = join(department.dir, 'Public Works');
  const center = join(department.dir, 'center', 'City Records Center');
  const outbox = join(department.dir, 'center', 'outbox');
  expect((await cli('init', center, '--department', 'City Records Center', '--role', 'records-center')).code).toBe(0);
  expect((await cli('intake', center, zip)).code).toBe(0);
  expect((await cli('checkin', center, transferNumber, '--received', '1', '2', '3')).code).toBe(0);
  expect((await cli('locations', 'add', center, '--building', 'A', '--rows', '1-2', '--bays', '1', '--shelves', '1-2', '--positions', '2', '--capacity', '1.2')).code).toBe(0);
  expect((await cli('accession', center, transferNumber, '--locations', 'auto')).code).toBe(0);
  const acknowledged = await json<{ path: string }>('acknowledge', center, transferNumber, '--out', outbox);
  expect((await cli('acknowledgment', 'import', office, acknowledged.path)).code).toBe(0);
  return { dir: department.dir, office, center, outbox, transferNumber, dispose: () => department.dispose() };
}
