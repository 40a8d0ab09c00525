// A department's legal hold travels to the records center as a file: only what was sent is named, the file is sealed
// and meets its schema, and the center takes it in (and later its lifting) through disposition.import.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { legalHoldFileSchema, type LegalHoldFile } from '../../../shared/exchange/disposition';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { openCenterCatalog, packageSent } from '../center/center-fixtures';
import { emptyScope, eventsOf, holdCatalog, type HoldCatalog } from './holds-fixtures';

let catalog: HoldCatalog | undefined;
afterEach(async () => {
  await catalog?.t.dispose();
  catalog = undefined;
});

const holdingFolders = (catalog: HoldCatalog) =>
  catalog.t.context().db.all<{ label: string; position: number; legal_hold: number }>(
    'SELECT b.label, f.position, f.legal_hold FROM holding_folder f JOIN holding_box b ON b.id = f.box_id ORDER BY b.sequence, f.position',
  );

describe('a legal hold file', () => {
  it('names only what is at the records center, sealed; the center takes it in, then its lifting', async () => {
    catalog = await holdCatalog({ send: false });
    const { t, transferId, boxes, folders } = catalog;
    const officeOnly = await t.call('holds.create', { name: 'Budget review', matter: '', requestedBy: '', scope: { ...emptyScope(), boxIds: [boxes['PW-4']] } });
    const hold = await t.call('holds.create', {
      name: 'Smith v. City', matter: 'Case 26-CV-104', requestedBy: 'City Attorney',
      scope: { ...emptyScope(), boxIds: [boxes['PW-2']], folderIds: [folders['PW-1'][1], folders['PW-4'][0]] },
    });
    const { zip, fingerprint: manifestFingerprint } = await packageSent(t, transferId);
    const number = (await t.call('transfers.get', { id: transferId })).number;

    const written = await t.call('holds.write', { id: hold.id, outDir: t.dir });
    expect(written.path).toBe(join(t.dir, 'PW-LH-2026-0002-legal-hold.json'));
    expect(written.items).toBe(2);
    expect(written.message).toContain('1 other box it covers is not at a records center');
    const placedText = await readFile(written.path, 'utf8');
    const file = legalHoldFileSchema.parse(JSON.parse(placedText)) as LegalHoldFile;
    expect(file.fingerprint).toBe(sealFingerprint(file));
    expect(file.fingerprint).toBe(written.fingerprint);
    expect(file.hold).toEqual({ number: 'PW-LH-2026-0002', name: 'Smith v. City', matter: 'Case 26-CV-104', requestedBy: 'City Attorney', placedAt: '2026-03-02T09:00:00.000Z', liftedAt: null, liftReason: '' });
    expect(file.department).toEqual({ name: 'Public Works', code: 'PW' });
    expect(file.items).toEqual([
      { transferNumber: number, manifestFingerprint, boxSequence: 2, boxId: `${number}-002`, boxLabel: 'PW-2', folderPosition: null },
      { transferNumber: number, manifestFingerprint, boxSequence: 1, boxId: `${number}-001`, boxLabel: 'PW-1', folderPosition: 2 },
    ]);
    const nothing = await t.fail('holds.write', { id: officeOnly.id, outDir: t.dir });
    expect(nothing.message).toContain('is at a records center: there is nothing to send');

    t.setNow('2026-05-04T09:00:00.000Z');
    await t.call('holds.lift', { id: hold.id, reason: 'The case settled' });
    const liftedText = await readFile((await t.call('holds.write', { id: hold.id, outDir: join(t.dir, 'lifted') })).path, 'utf8');
    expect(JSON.parse(liftedText).hold).toMatchObject({ liftedAt: '2026-05-04T09:00:00.000Z', liftReason: 'The case settled' });
    // The paperwork of the department lists the hold with the seal of its file as it would be written now.
    const paperwork = await t.call('paperwork.list', { query: 'PW-LH-2026-0002', limit: 10 });
    expect(paperwork.rows).toMatchObject([{ kind: 'hold', number: 'PW-LH-2026-0002', fingerprint: JSON.parse(liftedText).fingerprint }]);

    // The records center takes the transfer in, then the hold.
    await openCenterCatalog(t);
    await t.call('center.intake', { file: { path: zip } });
    const placedPath = join(t.dir, 'placed.json');
    await writeFile(placedPath, placedText);
    const taken = await t.call('disposition.import', { file: { path: placedPath } });
    expect(taken).toMatchObject({ kind: 'hold', number: 'PW-LH-2026-0002', alreadyImported: false });
    expect(taken.message).toBe(
      'Public Works placed legal hold PW-LH-2026-0002 “Smith v. City” on 1 box and 1 folder here: they will not go on a disposition notice until it is lifted.',
    );
    expect(holdingFolders(catalog).filter((folder) => folder.legal_hold === 1).map((folder) => `${folder.label}/${folder.position}`)).toEqual(['PW-1/1', 'PW-1/2', 'PW-2/1', 'PW-2/2']);
    const center = await t.call('holds.get', { id: taken.id });
    expect(center).toMatchObject({ origin: 'department-file', boxes: 2, folders: 3, placedAt: '2026-03-02T09:00:00.000Z' });
    expect(eventsOf(t, 'hold-placed').map((event) => event.detail.hold)).toEqual(['PW-LH-2026-0002', 'PW-LH-2026-0002']);
    // The center cannot lift what the department placed.
    expect((await t.fail('holds.lift', { id: taken.id, reason: 'Tidy up' })).message).toContain('was placed by Public Works');

    expect(await t.call('disposition.import', { file: { path: placedPath } })).toMatchObject({ alreadyImported: true, id: taken.id });

    // The center's own hold on the Elm folders keeps them held when the department lifts its hold.
    const own = await t.call('holds.create', { name: 'Elm review', matter: '', requestedBy: 'Lee Park', scope: { ...emptyScope(), words: 'elm' } });
    expect(own).toMatchObject({ number: 'CRC-LH-2026-0001', origin: 'center', boxes: 1, folders: 2 });
    const liftedPath = join(t.dir, 'lifted.json');
    await writeFile(liftedPath, liftedText);
    const lifted = await t.call('disposition.import', { file: { path: liftedPath } });
    expect(lifted).toMatchObject({ id: taken.id, alreadyImported: false });
    expect(lifted.message).toContain('Public Works lifted legal hold PW-LH-2026-0002 “Smith v. City” (The case settled)');
    expect(holdingFolders(catalog).filter((folder) => folder.legal_hold === 1).map((folder) => `${folder.label}/${folder.position}`)).toEqual(['PW-1/1', 'PW-2/1', 'PW-2/2']);
    expect(await t.call('holds.get', { id: taken.id })).toMatchObject({ liftedAt: '2026-05-04T09:00:00.000Z', liftReason: 'The case settled' });
    // The placing file again, after the lifting: nothing changes.
    expect(await t.call('disposition.import', { file: { path: placedPath } })).toMatchObject({ alreadyImported: true });

    // Lifting its own hold: what the department sent on hold by hand (PW-1 folder 1, “Audit 2026”) stays held.
    await t.call('holds.lift', { id: own.id, reason: 'Reviewed' });
    expect(holdingFolders(catalog).filter((folder) => folder.legal_hold === 1).map((folder) => `${folder.label}/${folder.position}`)).toEqual(['PW-1/1']);
    expect(eventsOf(t, 'hold-lifted').length).toBe(3);
    expect(await t.call('custody.verify', {})).toMatchObject({ broken: null });
    const center2 = await t.call('paperwork.list', { query: '', limit: 50 });
    expect(center2.rows.map((row) => row.kind).sort()).toEqual(['hold', 'manifest']);
  });
});

