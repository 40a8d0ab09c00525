// center.requests: the queue, soonest first; overdue as the clock passes a request's day or a loan's due-back day;
// and a page of a queue of ten thousand open requests read in a fixed, small number of queries.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { centerWithRequests, importRequest, requestFor, type CenterWithRequests } from './request-fixtures';

let center: CenterWithRequests;
beforeAll(async () => {
  center = await centerWithRequests();
}, 60_000);
afterAll(async () => {
  await center.t.dispose();
});

describe('the requests queue', () => {
  it('shows overdue requests as the clock passes their day, and loans past their due-back day', async () => {
    const { t, pw } = center;
    const loan = await importRequest(t, requestFor(pw, { number: 'PW-RQ-2026-0001', items: [{ sequence: 1 }], dueBy: '2026-03-03' }));
    const copy = await importRequest(t, requestFor(pw, { number: 'PW-RQ-2026-0002', service: 'copy', items: [{ sequence: 2 }], dueBy: '2026-03-05' }));
    const overdue = async () => (await t.call('center.requests', { show: 'overdue', offset: 0, limit: 50 })).rows.map((row) => row.number);
    expect(await overdue()).toEqual([]);

    t.advanceDays(2); // 2026-03-04: the loan is past its day, the copy is not.
    expect(await overdue()).toEqual(['PW-RQ-2026-0001']);
    await t.call('center.request.record', { id: loan, action: 'checkout', to: 'the permits clerk', dueBack: '2026-03-10' });
    // Handed over: no longer late, until its due-back day passes.
    expect(await overdue()).toEqual([]);

    t.advanceDays(7); // 2026-03-11
    // Soonest queue day first: the loan's (2026-03-03) before the copy's (2026-03-05).
    expect(await overdue()).toEqual(['PW-RQ-2026-0001', 'PW-RQ-2026-0002']);
    const rows = (await t.call('center.requests', { show: 'overdue', offset: 0, limit: 50 })).rows;
    expect(rows.find((row) => row.id === loan)).toMatchObject({ overdue: true, checkedOutTo: 'the permits clerk', dueBack: '2026-03-10', status: 'checked-out' });
    expect(rows.find((row) => row.id === copy)).toMatchObject({ overdue: true, status: 'open' });

    await t.call('center.request.record', { id: loan, action: 'return' });
    await t.call('center.request.record', { id: copy, action: 'refuse', reason: 'Not offered' });
    expect(await overdue()).toEqual([]);
    const open = await t.call('center.requests', { show: 'open', offset: 0, limit: 50 });
    expect(open.rows.map((row) => [row.number, row.overdue])).toEqual([['PW-RQ-2026-0001', false]]);
    await t.call('center.request.record', { id: loan, action: 'refile' });
    expect((await t.call('custody.verify', {})).broken).toBeNull();
  });

  it('reads a page of 10,000 open requests soonest first, in a fixed number of queries', async () => {
    const { t } = center;
    const db = t.session.current()!.db;
    const departmentId = db.get<{ id: number }>("SELECT id FROM center_department WHERE code = 'PW'")!.id;
    const boxes = db.column<number>('SELECT b.id FROM holding_box b JOIN accession a ON a.id = b.accession_id WHERE a.department_id = ? ORDER BY b.sequence', [departmentId]);
    const day = (index: number) => `2027-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
    db.transaction(() => {
      for (let index = 0; index < 10_000; index += 1) {
        const id = db.run(
          `INSERT INTO center_request (department_id, number, fingerprint, service, urgency, requested_by, json, received_at, received_by, status, queue_date)
           VALUES (?, ?, ?, 'box-loan', 'routine', 'Ana Ruiz', '{}', '2026-03-01T00:00:00.000Z', 'tester', 'open', ?)`,
          [departmentId, `BULK-${index}`, index.toString(16).padStart(64, '0'), day(index)],
        ).lastInsertRowid;
        db.run('INSERT INTO center_request_item (request_id, holding_box_id, folder_position) VALUES (?, ?, NULL)', [id, boxes[index % boxes.length]]);
        if (index % 3 === 0) db.run('INSERT INTO center_request_item (request_id, holding_box_id, folder_position) VALUES (?, ?, 1)', [id, boxes[(index + 1) % boxes.length]]);
      }
    });
    const calls = [vi.spyOn(db, 'all'), vi.spyOn(db, 'get'), vi.spyOn(db, 'column')];
    const started = performance.now();
    const page = await t.call('center.requests', { show: 'open', offset: 5_000, limit: 200 });
    const elapsed = performance.now() - started;
    const queries = calls.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    calls.forEach((spy) => spy.mockRestore());

    expect(page.total).toBeGreaterThanOrEqual(10_000);
    expect(page.rows).toHaveLength(200);
    const dates = db.column<string>(
      `SELECT queue_date FROM center_request WHERE status IN ('open', 'pulled', 'checked-out', 'answered') AND closed_at IS NULL ORDER BY queue_date, id LIMIT 200 OFFSET 5000`,
    );
    expect(page.rows.map((row) => row.number)).toEqual(
      db.column<string>(`SELECT number FROM center_request WHERE status IN ('open', 'pulled', 'checked-out', 'answered') AND closed_at IS NULL ORDER BY queue_date, id LIMIT 200 OFFSET 5000`),
    );
    expect([...dates].sort()).toEqual(dates);
    expect(page.rows.every((row) => /^Accession PW-2026-\d+, box \d+, Building A \/ Row 1 \//.test(row.walkTo))).toBe(true);
    expect(page.rows.some((row) => / \+ 1 more$/.test(row.what))).toBe(true);
    // The count and the page: never a query per row.
    expect(queries).toBeLessThanOrEqual(3);
    expect(elapsed).toBeLessThan(1_000);
  });
});
