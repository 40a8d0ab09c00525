// A department's legal hold, acknowledged, from the command line: the department places a hold and writes it, the
// center takes it in and writes its acknowledgment (`hold acknowledge`), the department takes that in and `hold show`
// and `hold list` say the center holds it. And the center's notice period: shown, set, and refused out of range.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoldDetail, TakenIn } from '../../../shared/api/contract-disposition';
import { testSession, type TestSession } from '../catalog/session-helpers';
import { departmentTransfer, openCenterCatalog, packageSent } from '../center/center-fixtures';
import { cli } from './in-process';
import { json } from './two-catalogs';

let session: TestSession;
const office = () => join(session.dir, 'Public Works');
const center = () => join(session.dir, 'City Records Center');

beforeAll(async () => {
  session = await testSession();
  const transferId = await departmentTransfer(session);
  const { zip } = await packageSent(session, transferId);
  await openCenterCatalog(session);
  await session.call('center.intake', { file: { path: zip } });
  await session.call('catalog.close', {});
});

afterAll(async () => {
  await session.dispose();
});

describe('transmittal hold acknowledge', () => {
  it('goes from the center back to the department, which then reads its hold as held there', async () => {
    const placed = await json<HoldDetail>('hold', 'add', office(), '--name', 'Elm Street litigation', '--box', 'PW-2', '--folder', 'PW-1:2');
    const written = await json<{ path: string }>('hold', 'write', office(), placed.number, '--out', join(session.dir, 'sent'));
    expect((await cli('hold', 'list', office())).stdout).toMatch(/At the center[\s\S]*sent \d{4}-\d{2}-\d{2}, not acknowledged yet/);
    expect((await json<TakenIn>('disposition', 'import', center(), written.path)).kind).toBe('hold');

    const refused = await cli('hold', 'acknowledge', office(), placed.number);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('is for a records center’s');
    const acknowledged = await cli('hold', 'acknowledge', center(), placed.number, '--out', join(session.dir, 'back'));
    expect(acknowledged.code, acknowledged.stderr).toBe(0);
    expect(acknowledged.stdout).toContain(`The acknowledgment of legal hold ${placed.number} from Public Works says that 1 whole box and 1 folder are held here`);
    const path = join(session.dir, 'back', `${placed.number}-legal-hold-acknowledgment.json`);
    expect(acknowledged.stdout).toContain(`Wrote ${path}`);

    const taken = await json<TakenIn>('disposition', 'import', office(), path);
    expect(taken).toMatchObject({ kind: 'hold-acknowledgment', number: placed.number, alreadyImported: false });
    const shown = await cli('hold', 'show', office(), placed.number);
    expect(shown.stdout).toContain(`Legal hold ${placed.number} “Elm Street litigation”`);
    expect(shown.stdout).toMatch(new RegExp(`Hold file written \\d{4}-\\d{2}-\\d{2} for City Records Center \\([0-9a-f]{12}…\\): acknowledged, taken in \\d{4}-\\d{2}-\\d{2} as ${placed.number}, 1 whole box and 1 folder held there`));
    expect((await cli('hold', 'list', office())).stdout).toMatch(/sent \d{4}-\d{2}-\d{2}, acknowledged \d{4}-\d{2}-\d{2}/);
    expect((await json<TakenIn>('disposition', 'import', office(), path)).alreadyImported).toBe(true);
  });
});

describe('transmittal notice-period', () => {
  it('shows the center’s notice period, sets it, and refuses one out of range', async () => {
    expect((await cli('notice-period', center())).stdout).toBe('Departments have 90 days to answer a disposition notice.\n');
    expect((await cli('notice-period', center(), '45')).stdout).toBe('Departments have 45 days to answer a disposition notice written from now on.\n');
    expect((await json<{ noticeDays: number }>('notice-period', center())).noticeDays).toBe(45);
    const zero = await cli('notice-period', center(), '0');
    expect(zero.code).toBe(2);
    const tooLong = await cli('notice-period', center(), '4000');
    expect(tooLong.code).not.toBe(0);
    expect(tooLong.stderr).toContain('at most 3650 days');
    expect((await json<{ noticeDays: number }>('notice-period', center())).noticeDays).toBe(45);
  });
});
