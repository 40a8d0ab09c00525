// Legal holds in a records center's catalog: the center's own holds over its holdings, and a department's hold file
// taken in — refused, with the field named, when it is damaged, changed, from a stranger, or names a box the center
// does not hold for that department; the same file twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_HOLD_FORMAT, type LegalHoldFile } from '../../../shared/exchange/disposition';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { centerWithRequests, requestFile, type CenterWithRequests, type HeldAccession } from '../center/request-fixtures';
import { emptyScope } from './holds-fixtures';

let center: CenterWithRequests;
beforeAll(async () => {
  center = await centerWithRequests();
}, 60_000);
afterAll(async () => {
  await center?.t.dispose();
});

function holdFileFor(held: HeldAccession, items: { sequence: number; folder?: number; boxId?: string }[], hold: Partial<LegalHoldFile['hold']> = {}, department?: LegalHoldFile['department']): LegalHoldFile {
  const { manifest } = held;
  const unsealed: Omit<LegalHoldFile, 'fingerprint'> = {
    format: LEGAL_HOLD_FORMAT,
    hold: { number: 'PW-LH-2026-0001', name: 'Smith v. City', matter: 'Case 26-CV-104', requestedBy: 'City Attorney', placedAt: '2026-03-01T09:00:00.000Z', liftedAt: null, liftReason: '', ...hold },
    department: department ?? { name: manifest.department.name, code: manifest.department.code },
    items: items.map((item) => {
      const box = manifest.boxes.find((each) => each.sequence === item.sequence)!;
      return {
        transferNumber: manifest.transfer.number, manifestFingerprint: held.fingerprint, boxSequence: item.sequence, boxId: item.boxId ?? box.boxId,
        boxLabel: box.label, folderPosition: item.folder ?? null,
      };
    }),
  };
  return { ...unsealed, fingerprint: sealFingerprint(unsealed) };
}

const reseal = (file: LegalHoldFile): LegalHoldFile => ({ ...file, fingerprint: sealFingerprint(file) });

async function importHold(file: unknown, name = 'hold.json') {
  return center.t.call('disposition.import', { file: { path: await requestFile(center.t, JSON.stringify(file) as never, name) } });
}
async function importFails(file: unknown, name = 'hold.json') {
  return center.t.fail('disposition.import', { file: { path: await requestFile(center.t, JSON.stringify(file) as never, name) } });
}
const heldFolders = () =>
  center.t.session.current()!.db.column<string>(
    `SELECT a.transfer_number || '/' || b.sequence || '/' || f.position FROM holding_folder f JOIN holding_box b ON b.id = f.box_id
     JOIN accession a ON a.id = b.accession_id WHERE f.legal_hold = 1 ORDER BY a.id, b.sequence, f.position`,
  );
const holdCount = () => center.t.session.current()!.db.get<{ n: number }>('SELECT count(*) AS n FROM legal_hold')!.n;

describe('legal holds at a records center', () => {
  it('refuses a hold file that is damaged, changed, from a stranger, or names what it does not hold for that department', async () => {
    const { pw, pk } = center;
    const good = holdFileFor(pw, [{ sequence: 1 }]);
    const cases: [string, unknown, RegExp][] = [
      ['schema', reseal({ ...good, hold: { ...good.hold, name: '' } }), /hold\.name/],
      ['seal', { ...good, hold: { ...good.hold, matter: 'Another case' } }, /changed after it was made/],
      ['stranger', holdFileFor(pw, [{ sequence: 1 }], {}, { name: 'Water', code: 'WA' }), /Water \(WA\), but this records center holds no records of that department/],
      ['unknown manifest', reseal({ ...good, items: [{ ...good.items[0], manifestFingerprint: 'a'.repeat(64) }] }), /Item 1 of hold\.json \(box .*\) names transfer .* no accession/],
      ['another department', holdFileFor(pk, [{ sequence: 1 }], {}, { name: 'Public Works', code: 'PW' }), /belongs to Parks .* not Public Works/],
      ['unknown box', holdFileFor(pw, [{ sequence: 1, boxId: 'PW-2026-001-009' }]), /is not a box of accession/],
      ['unknown folder', holdFileFor(pw, [{ sequence: 1 }, { sequence: 2, folder: 9 }]), /Item 2 of hold\.json .* holds no folder at position 9/],
      ['no items', reseal({ ...good, items: [] }), /names no box or folder/],
    ];
    for (const [what, file, message] of cases) {
      const error = await importFails(file);
      expect(error.message, what).toMatch(message);
      expect(error.message, what).toMatch(/Nothing was changed\.$/);
    }
    expect(holdCount()).toBe(0);
    expect(heldFolders()).toEqual([]);
  });

  it('takes a hold in, recognizes it twice, and lifts it with a later file of the same number', async () => {
    const { pw } = center;
    const placed = holdFileFor(pw, [{ sequence: 3 }, { sequence: 1, folder: 2 }]);
    const taken = await importHold(placed);
    expect(taken.message).toBe(
      'Public Works placed legal hold PW-LH-2026-0001 “Smith v. City” on 1 box and 1 folder here: they will not go on a disposition notice until it is lifted.',
    );
    const transfer = pw.manifest.transfer.number;
    expect(heldFolders()).toEqual([`${transfer}/1/2`, `${transfer}/3/1`, `${transfer}/3/2`]);
    expect(await importHold(placed)).toMatchObject({ alreadyImported: true, id: taken.id });
    expect((await center.t.call('holds.list', { show: 'active' })).map((hold) => hold.number)).toEqual(['PW-LH-2026-0001']);

    const lifted = reseal({ ...placed, hold: { ...placed.hold, liftedAt: '2026-04-01T09:00:00.000Z', liftReason: 'Settled' } });
    const released = await importHold(lifted);
    expect(released).toMatchObject({ id: taken.id, alreadyImported: false });
    expect(released.message).toContain('3 folders held by it here are released');
    expect(heldFolders()).toEqual([]);
    expect(await importHold(lifted)).toMatchObject({ alreadyImported: true });
    expect(await center.t.call('holds.get', { id: taken.id })).toMatchObject({ liftedAt: '2026-04-01T09:00:00.000Z', liftReason: 'Settled', origin: 'department-file' });
  });

  it('places and lifts its own holds over its holdings by series, dates, boxes and folders', async () => {
    const { t, pw, pk } = center;
    const db = t.session.current()!.db;
    const pkBox = db.get<{ id: number }>('SELECT id FROM holding_box WHERE accession_id = ? AND sequence = 1', [pk.accessionId])!.id;
    const pwFolder = db.get<{ id: number }>('SELECT f.id FROM holding_folder f JOIN holding_box b ON b.id = f.box_id WHERE b.accession_id = ? AND b.sequence = 2 AND f.position = 2', [pw.accessionId])!.id;

    expect(await t.call('holds.preview', { scope: { ...emptyScope(), itemNumbers: ['gs 3030'] } })).toMatchObject({ boxes: 2, folders: 2 });
    expect(await t.call('holds.preview', { scope: { ...emptyScope(), dateFrom: '2019-06-01', dateTo: '2019-06-30' } })).toMatchObject({ boxes: 3, folders: 3 });
    const sample = (await t.call('holds.preview', { scope: { ...emptyScope(), boxIds: [pkBox] } })).sample;
    expect(sample).toEqual([{ boxId: pkBox, boxLabel: `PK-1 (${pk.accessionNumber})`, folderId: null, folderPosition: null, title: null }]);

    const hold = await t.call('holds.create', { name: 'Audit 2026', matter: 'State audit', requestedBy: 'Lee Park', scope: { ...emptyScope(), boxIds: [pkBox], folderIds: [pwFolder] } });
    expect(hold).toMatchObject({ number: 'CRC-LH-2026-0001', origin: 'center', boxes: 2, folders: 2 });
    expect(heldFolders()).toEqual([`${pw.manifest.transfer.number}/2/2`, `${pk.manifest.transfer.number}/1/1`]);
    const events = db.all<{ box_id: number; transfer_id: number }>("SELECT box_id, transfer_id FROM custody_event WHERE kind = 'hold-placed' AND detail LIKE '%CRC-LH-2026-0001%' ORDER BY id");
    expect(events.map((event) => event.transfer_id)).toEqual([pw.accessionId, pk.accessionId]);

    await t.call('holds.lift', { id: hold.id, reason: 'Audit closed' });
    expect(heldFolders()).toEqual([]);
    expect((await t.fail('holds.lift', { id: hold.id, reason: 'again' })).message).toContain('lifted already');
    expect(await t.call('custody.verify', {})).toMatchObject({ broken: null });
    expect((await t.fail('holds.write', { id: hold.id })).message).toContain('is for a department’s catalog');
  });
});
