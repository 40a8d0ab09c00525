// A department's legal hold is acknowledged: the records center takes the hold file in and writes back what it holds
// under it (transmittal-legal-hold-acknowledgment/1, sealed, naming the file by its seal); the department takes that
// in against the files it wrote, and so knows its hold is in force at the center — or, later, lifted there.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { legalHoldAcknowledgmentSchema, type LegalHoldAcknowledgment } from '../../../shared/exchange/disposition';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { openCenterCatalog, packageSent } from '../center/center-fixtures';
import { emptyScope, holdCatalog, type HoldCatalog } from './holds-fixtures';

let catalog: HoldCatalog | undefined;
afterEach(async () => {
  await catalog?.t.dispose();
  catalog = undefined;
});

/** A copy of a file with some of it changed, sealed again: a well-formed lie the receiver must catch by its own records. */
function resealed(file: LegalHoldAcknowledgment, change: (copy: LegalHoldAcknowledgment) => void): LegalHoldAcknowledgment {
  const copy = structuredClone(file);
  change(copy);
  const { fingerprint: _old, ...unsealed } = copy;
  return { ...copy, fingerprint: sealFingerprint(unsealed) };
}

async function writeJson(dir: string, name: string, json: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(json));
  return path;
}

describe('a legal hold acknowledgment', () => {
  it('comes back from the center, names the file it acknowledges, and tells the department its hold is in force there, then lifted', async () => {
    catalog = await holdCatalog({ send: false });
    const { t, transferId, boxes, folders } = catalog;
    const departmentPath = (await t.call('app.status', {})).catalog!.path;
    const hold = await t.call('holds.create', {
      name: 'Smith v. City', matter: 'Case 26-CV-104', requestedBy: 'City Attorney',
      scope: { ...emptyScope(), boxIds: [boxes['PW-2']], folderIds: [folders['PW-1'][1]] },
    });
    const { zip, fingerprint: manifestFingerprint } = await packageSent(t, transferId);
    const transferNumber = (await t.call('transfers.get', { id: transferId })).number;
    const written = await t.call('holds.write', { id: hold.id, outDir: t.dir });

    // Writing the file records it by its seal, not yet acknowledged; writing the same file again adds nothing.
    await t.call('holds.write', { id: hold.id, outDir: t.dir });
    const sent = await t.call('holds.get', { id: hold.id });
    expect(sent.filesSent).toEqual([
      { fingerprint: written.fingerprint, state: 'in-force', boxes: 1, folders: 1, center: 'City Records Center', writtenAt: '2026-03-02T09:00:00.000Z', writtenBy: expect.any(String), acknowledged: null },
    ]);
    expect((await t.call('holds.list', { show: 'active' })).find((each) => each.id === hold.id)!.latestFile).toEqual({
      state: 'in-force', writtenAt: '2026-03-02T09:00:00.000Z', center: 'City Records Center', acknowledgedAt: null,
    });
    expect((await t.fail('holds.acknowledge', { id: hold.id, outDir: t.dir })).message).toContain('is for a records center’s');

    // The center takes the transfer and the hold in, a week later, and writes the acknowledgment.
    t.setNow('2026-03-09T14:00:00.000Z');
    await openCenterCatalog(t);
    const centerPath = (await t.call('app.status', {})).catalog!.path;
    const { accession } = await t.call('center.intake', { file: { path: zip } });
    const taken = await t.call('disposition.import', { file: { path: written.path } });
    expect((await t.call('holds.get', { id: taken.id })).takenIn).toEqual({ at: '2026-03-09T14:00:00.000Z', by: expect.any(String) });
    const own = await t.call('holds.create', { name: 'Elm review', matter: '', requestedBy: 'Lee Park', scope: { ...emptyScope(), words: 'elm' } });
    expect((await t.fail('holds.acknowledge', { id: own.id, outDir: t.dir })).message).toContain('was placed here, not taken in from a department');

    const acknowledged = await t.call('holds.acknowledge', { id: taken.id, outDir: join(t.dir, 'to-department') });
    expect(acknowledged.path).toBe(join(t.dir, 'to-department', 'PW-LH-2026-0001-legal-hold-acknowledgment.json'));
    expect(acknowledged.message).toBe(
      "The acknowledgment of legal hold PW-LH-2026-0001 from Public Works says that 1 whole box and 1 folder are held here: send PW-LH-2026-0001-legal-hold-acknowledgment.json to Public Works to take in.",
    );
    const ack = legalHoldAcknowledgmentSchema.parse(JSON.parse(await readFile(acknowledged.path, 'utf8')));
    expect(ack.fingerprint).toBe(sealFingerprint(ack));
    expect(ack.fingerprint).toBe(acknowledged.fingerprint);
    expect(ack.hold).toEqual({ number: 'PW-LH-2026-0001', name: 'Smith v. City', holdFingerprint: written.fingerprint, state: 'in-force', liftedAt: null });
    expect(ack.department).toEqual({ name: 'Public Works', code: 'PW' });
    expect(ack.recordsCenter.name).toBe('City Records Center');
    expect(ack).toMatchObject({ centerNumber: 'PW-LH-2026-0001', takenInAt: '2026-03-09T14:00:00.000Z' });
    expect(ack.items).toEqual([
      { transferNumber, manifestFingerprint, boxId: `${transferNumber}-001`, boxLabel: 'PW-1', folderPosition: 2, accessionNumber: accession.accessionNumber, centerBoxNumber: null },
      { transferNumber, manifestFingerprint, boxId: `${transferNumber}-002`, boxLabel: 'PW-2', folderPosition: null, accessionNumber: accession.accessionNumber, centerBoxNumber: null },
    ]);
    // An acknowledgment is for a department to take in, not a center.
    expect((await t.fail('disposition.import', { file: { path: acknowledged.path } })).message).toContain('it is for the other side of the exchange');

    // The department takes it in: the file it wrote is acknowledged.
    await t.call('catalog.open', { path: departmentPath });
    t.setNow('2026-03-10T08:00:00.000Z');
    const before = t.context().version.value;
    const dir = t.dir;
    const changed = await writeJson(dir, 'changed.json', { ...ack, takenInBy: 'Someone else' });
    expect((await t.fail('disposition.import', { file: { path: changed } })).message).toContain('was changed after the records center made it');
    const otherFile = await writeJson(dir, 'other-file.json', resealed(ack, (copy) => { copy.hold.holdFingerprint = 'a'.repeat(64); }));
    expect((await t.fail('disposition.import', { file: { path: otherFile } })).message).toContain('no hold file it wrote has the seal aaaaaaaaaaaa…');
    const otherHold = await writeJson(dir, 'other-hold.json', resealed(ack, (copy) => { copy.hold.number = 'PK-LH-2026-0001'; }));
    expect((await t.fail('disposition.import', { file: { path: otherHold } })).message).toContain('This catalog placed no legal hold numbered PK-LH-2026-0001');
    const wrongState = await writeJson(dir, 'wrong-state.json', resealed(ack, (copy) => { copy.hold.state = 'lifted'; copy.items = []; }));
    expect((await t.fail('disposition.import', { file: { path: wrongState } })).message).toContain('says legal hold PW-LH-2026-0001 is lifted at City Records Center, but the hold file it acknowledges said in force');
    const notJson = await writeJson(dir, 'schema.json', { ...ack, items: 'all of them' });
    expect((await t.fail('disposition.import', { file: { path: notJson } })).message).toContain('is not a complete legal hold acknowledgment: items');
    expect(t.context().version.value, 'every refusal changed nothing').toBe(before);

    const took = await t.call('disposition.import', { file: { path: acknowledged.path } });
    expect(took).toMatchObject({ kind: 'hold-acknowledgment', id: hold.id, number: 'PW-LH-2026-0001', alreadyImported: false });
    expect(took.message).toBe(
      'City Records Center holds 1 whole box and 1 folder under legal hold PW-LH-2026-0001 “Smith v. City” since 2026-03-09 (its number PW-LH-2026-0001): none of it goes on a disposition notice until you lift the hold.',
    );
    const detail = await t.call('holds.get', { id: hold.id });
    expect(detail.filesSent[0].acknowledged).toEqual({
      fingerprint: ack.fingerprint, centerNumber: 'PW-LH-2026-0001', takenInAt: '2026-03-09T14:00:00.000Z', takenInBy: ack.takenInBy, boxes: 1, folders: 1, recordedAt: '2026-03-10T08:00:00.000Z',
    });
    expect(detail.latestFile?.acknowledgedAt).toBe('2026-03-09T14:00:00.000Z');
    expect(await t.call('disposition.import', { file: { path: acknowledged.path } })).toMatchObject({ alreadyImported: true, message: expect.stringContaining('nothing changed') });
    const paperwork = await t.call('paperwork.list', { query: 'acknowledgment PW-LH-2026-0001', limit: 10 });
    expect(paperwork.rows).toMatchObject([{ kind: 'hold-acknowledgment', number: 'PW-LH-2026-0001', fingerprint: ack.fingerprint }]);

    // Lifted: the department writes the lifting, the center takes it in and says so; the department learns it.
    t.setNow('2026-05-04T09:00:00.000Z');
    await t.call('holds.lift', { id: hold.id, reason: 'The case settled' });
    const lifting = await t.call('holds.write', { id: hold.id, outDir: join(dir, 'lifted') });
    expect((await t.call('holds.get', { id: hold.id })).filesSent.map((file) => [file.state, file.acknowledged === null])).toEqual([['lifted', true], ['in-force', false]]);
    // The first acknowledgment does not answer the lifting file: taken in again, it changes nothing.
    expect(await t.call('disposition.import', { file: { path: acknowledged.path } })).toMatchObject({ alreadyImported: true });
    await t.call('catalog.open', { path: centerPath });
    await t.call('disposition.import', { file: { path: lifting.path } });
    const liftAck = await t.call('holds.acknowledge', { id: taken.id, outDir: join(dir, 'lifted-ack') });
    expect(liftAck.message).toContain('says that it was lifted here');
    const liftedFile = legalHoldAcknowledgmentSchema.parse(JSON.parse(await readFile(liftAck.path, 'utf8')));
    expect(liftedFile.hold).toMatchObject({ state: 'lifted', holdFingerprint: lifting.fingerprint, liftedAt: '2026-05-04T09:00:00.000Z' });
    expect(liftedFile.items).toEqual([]);
    await t.call('catalog.open', { path: departmentPath });
    const liftTaken = await t.call('disposition.import', { file: { path: liftAck.path } });
    expect(liftTaken.message).toContain('City Records Center lifted legal hold PW-LH-2026-0001 “Smith v. City” on 2026-05-04, as your file asked');
    const all = (await t.call('holds.get', { id: hold.id })).filesSent;
    expect(all.map((file) => [file.state, file.acknowledged?.fingerprint])).toEqual([['lifted', liftedFile.fingerprint], ['in-force', ack.fingerprint]]);
  });
});
