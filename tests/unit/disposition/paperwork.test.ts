// Paperwork outlives the boxes: every exchange document a catalog keeps is listed and found by number, seal or box
// label, kept until the paperwork period after its last box was destroyed, and cannot be deleted with the boxes.
import { afterEach, describe, expect, it } from 'vitest';
import { appendCustodyEvents } from '../../../electron/custody/custody-events';
import { addYears } from '../../../electron/disposition/paperwork';
import { sentCatalog, type SentCatalog } from '../retrieval/retrieval-fixtures';

let catalog: SentCatalog | undefined;
afterEach(async () => {
  await catalog?.t.dispose();
  catalog = undefined;
});

function destroy(catalog: SentCatalog, labels: string[], at: string): void {
  const context = catalog.t.context();
  context.history.untracked(() =>
    appendCustodyEvents(context, labels.map((label) => ({ boxId: catalog.boxes[label], transferId: catalog.transferId, kind: 'disposed' as const, at, detail: { text: 'Destroyed' } }))),
  );
}

describe('paperwork', () => {
  it('lists what was exchanged, finds it, and keeps it for the period after the last of its boxes is destroyed', async () => {
    catalog = await sentCatalog();
    const { t, transferNumber, boxes } = catalog;
    const all = await t.call('paperwork.list', { query: '', limit: 200 });
    expect(all.years).toBe(6);
    expect(all.rows.map((row) => [row.kind, row.keepUntil])).toEqual([['acknowledgment', null], ['manifest', null]]);
    const manifest = all.rows.find((row) => row.kind === 'manifest')!;
    expect(manifest).toMatchObject({ number: transferNumber, at: '2026-03-02T09:00:00.000Z' });
    expect(manifest.about).toBe(`Transfer ${transferNumber} to City Records Center: 3 boxes (PW-1, PW-2, PW-3)`);
    expect(manifest.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    const find = async (query: string) => (await t.call('paperwork.list', { query, limit: 200 })).rows.map((row) => row.kind).sort();
    expect(await find('pw-3')).toEqual(['acknowledgment', 'manifest']);
    expect(await find(manifest.fingerprint.slice(0, 10))).toEqual(['manifest']);
    expect(await find('acknowledgment accession')).toEqual(['acknowledgment']);
    expect(await find(transferNumber)).toEqual(['acknowledgment', 'manifest']);
    expect(await find('zebra')).toEqual([]);
    expect((await t.call('paperwork.list', { query: '', limit: 1 })).rows).toHaveLength(1);

    // A notice and its certificate, as the disposition imports record them, on two of the boxes.
    const context = t.context();
    context.history.untracked(() => {
      const noticeId = context.db.run(
        `INSERT INTO disposition_notice (department_id, number, center_name, period_from, period_to, issued_at, respond_by, json, fingerprint, recorded_at, recorded_by)
         VALUES (NULL, 'CRC-DN-2027-0001', 'City Records Center', '2027-01-01', '2027-03-31', '2027-01-05T09:00:00.000Z', '2027-04-05', '{}', ?, '2027-01-06T09:00:00.000Z', 'tester')`,
        ['c'.repeat(64)],
      ).lastInsertRowid;
      const certificateId = context.db.run(
        `INSERT INTO disposition_certificate (notice_id, number, json, fingerprint, issued_at, recorded_at, recorded_by)
         VALUES (?, 'CRC-DC-2027-0001', '{}', ?, '2027-05-01T09:00:00.000Z', '2027-05-02T09:00:00.000Z', 'tester')`,
        [noticeId, 'd'.repeat(64)],
      ).lastInsertRowid;
      for (const label of ['PW-1', 'PW-2']) {
        context.db.run("INSERT INTO disposition_notice_box (notice_id, box_id, box_code, action, certificate_id) VALUES (?, ?, ?, 'destroy', ?)", [
          noticeId, boxes[label], label, certificateId,
        ]);
      }
    });
    destroy(catalog, ['PW-1', 'PW-2'], '2027-05-01T09:00:00.000Z');
    let rows = (await t.call('paperwork.list', { query: '', limit: 200 })).rows;
    const keep = (kind: string) => rows.find((row) => row.kind === kind)!.keepUntil;
    // The certificate's boxes are gone; the transfer's third box is still kept, so its manifest is too.
    expect(keep('certificate')).toBe('2033-05-01');
    expect(keep('notice')).toBe('2033-05-01');
    expect(keep('manifest')).toBeNull();
    expect(await find('CRC-DC')).toEqual(['certificate']);

    destroy(catalog, ['PW-3'], '2027-06-15T09:00:00.000Z');
    rows = (await t.call('paperwork.list', { query: '', limit: 200 })).rows;
    expect(keep('manifest')).toBe('2033-06-15');
    expect(keep('acknowledgment')).toBe('2033-06-15');

    expect(await t.call('paperwork.setYears', { years: 10 })).toEqual({ years: 10 });
    rows = (await t.call('paperwork.list', { query: '', limit: 200 })).rows;
    expect(keep('manifest')).toBe('2037-06-15');
    expect((await t.call('paperwork.list', { query: '', limit: 5 })).years).toBe(10);
    expect((await t.fail('paperwork.setYears', { years: 0 })).code).toBe('invalid-input');

    // Nothing deletes it: a destroyed box cannot be deleted, nor a sent transfer.
    const refused = await t.fail('boxes.delete', { ids: [boxes['PW-3']] });
    expect(refused.code).toBe('forbidden');
    expect(() => context.db.run('DELETE FROM transfer WHERE id = ?', [catalog!.transferId])).toThrow(/a sent transfer is kept/);
    expect((await t.call('paperwork.list', { query: '', limit: 200 })).rows).toHaveLength(4);
  });

  it('counts the years from the day, keeping 29 February as the 28th', () => {
    expect(addYears('2027-06-15T09:00:00.000Z', 6)).toBe('2033-06-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
});
