// A catalog has a role: a department's own, or a records center's holdings. Each role is offered its own calls,
// and a call of the other role is refused with a message, changing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { department, testSession, type TestSession } from './session-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

describe('a catalog knows its role', () => {
  it('is a department catalog unless made as a records center one', async () => {
    t = await testSession();
    expect((await t.call('catalog.create', { fileName: 'Permits', department })).role).toBe('department');
    expect((await t.call('boxes.create', { label: 'B-1' })).label).toBe('B-1');
  });

  it('a records center catalog keeps its role when reopened, and refuses a department’s calls', async () => {
    t = await testSession();
    const created = await t.call('catalog.create', { fileName: 'City Records Center', department: { name: 'City Records Center' }, role: 'records-center' });
    expect(created.role).toBe('records-center');
    expect(created.departmentName).toBe('City Records Center');
    await t.call('catalog.close', {});
    const reopened = await t.call('catalog.open', { path: created.path });
    expect(reopened.role).toBe('records-center');

    const refused = await t.fail('boxes.create', { label: 'B-1' });
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/^This is a records center’s holdings catalog: “boxes\.create” is for a department’s catalog\. Nothing was changed\./);
    expect((await t.fail('transfers.list', {})).code).toBe('forbidden');
    // What both roles share still answers: the owner's profile, undo history, the session.
    expect((await t.call('department.get', {})).name).toBe('City Records Center');
    expect(await t.call('history.list', { limit: 5 })).toBeInstanceOf(Array);
    expect((await t.call('app.status', {})).save.dirty).toBe(false);
  });
});
