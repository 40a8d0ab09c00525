// A department's corrections after sending, taken in by the records center: the new ones applied to the holdings
// (and their search), the same file twice changing nothing, a correction whose value the center no longer holds kept
// as a conflict and a discrepancy, and every file that is not for this center's transfers refused, changing nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/storage/database';
import { migrateWith } from '../../../electron/storage/migrate';
import { migrations } from '../../../electron/storage/migrations';
import type { AmendmentsFile } from '../../../shared/exchange/amendments';
import { testSession, uploaded, type TestSession } from '../catalog/session-helpers';
import { departmentTransfer, openCenterCatalog, packageSent } from './center-fixtures';
import { cli } from '../cli/in-process';

let t: TestSession;
afterEach(async () => t?.dispose());

const folderIdOf = (title: string) => t.session.current()!.db.get<{ id: number }>('SELECT id FROM folder WHERE title = ?', [title])!.id;
const boxIdOf = (label: string) => t.session.current()!.db.get<{ id: number }>('SELECT id FROM box WHERE label = ?', [label])!.id;

/** A department sends three boxes, then corrects a folder title, a box label and a folder's confidentiality; the center takes the package in. */
async function amendedAndTakenIn() {
  t = await testSession();
  const transferId = await departmentTransfer(t);
  const sent = await packageSent(t, transferId);
  await t.call('transfers.amend', { target: { folderId: folderIdOf('Oak Street permits 2018') }, changes: { title: 'Oak Street permits 2018 (1 of 2)' }, reason: 'The tab says 1 of 2' });
  await t.call('transfers.amend', { target: { boxId: boxIdOf('PW-2') }, changes: { label: 'PW-002', cubicFeet: 1 }, reason: 'Relabelled, and it is a 1.0 box' });
  await t.call('transfers.amend', { target: { folderId: folderIdOf('Maple Street permits 2019') }, changes: { confidential: true }, reason: 'Holds a sealed file' });
  const written = await t.call('transfers.writeAmendments', { id: transferId, outDir: t.dir });
  await openCenterCatalog(t);
  const { accession } = await t.call('center.intake', { file: { path: sent.zip } });
  return { accession, sent, path: written.path, file: JSON.parse(await readFile(written.path, 'utf8')) as AmendmentsFile };
}

const manifestText = (accessionId: number) =>
  t.session.current()!.db.get<{ manifest_json: string }>('SELECT manifest_json FROM accession WHERE id = ?', [accessionId])!.manifest_json;

describe('a records center takes in the corrections a department sent after the transfer', () => {
  it('applies the new ones to boxes, folders and the search; the same file again changes nothing; the manifest stays as received', async () => {
    const { accession, path, file } = await amendedAndTakenIn();
    expect(file.amendments).toHaveLength(4);
    const manifestBefore = manifestText(accession.id);

    const result = await t.call('center.intakeAmendments', { file: { path } });
    expect(result).toMatchObject({ accessionNumber: accession.accessionNumber, applied: 4, alreadyApplied: 0, conflicts: [] });
    expect(result.message).toMatch(/4 corrections applied\. The manifest as received is kept unchanged\. No custody event was recorded/);

    const detail = await t.call('center.accession.get', { id: accession.id });
    expect(detail.boxes.map((box) => [box.sequence, box.label, box.cubicFeet])).toEqual([[1, 'PW-1', 1.2], [2, 'PW-002', 1], [3, 'PW-3', 1.2]]);
    expect(detail.amendments.map((each) => [each.boxSequence, each.boxLabel, each.folderPosition, each.field, each.before, each.after, each.appliedAt !== null, each.conflict])).toEqual([
      [1, 'PW-1', 1, 'title', 'Oak Street permits 2018', 'Oak Street permits 2018 (1 of 2)', true, null],
      [2, 'PW-2', null, 'label', 'PW-2', 'PW-002', true, null],
      [2, 'PW-2', null, 'cubicFeet', 1.2, 1, true, null],
      [3, 'PW-3', 2, 'confidential', false, true, true, null],
    ]);
    expect(detail.amendments[0]).toMatchObject({ reason: 'The tab says 1 of 2', actor: 'tester', receivedBy: 'tester' });
    const db = t.session.current()!.db;
    expect(db.get('SELECT title FROM holding_folder WHERE position = 1 AND box_id = (SELECT id FROM holding_box WHERE sequence = 1)')).toEqual({ title: 'Oak Street permits 2018 (1 of 2)' });
    expect(db.get('SELECT confidential FROM holding_folder WHERE position = 2 AND box_id = (SELECT id FROM holding_box WHERE sequence = 3)')).toEqual({ confidential: 1 });
    expect(detail.discrepancies).toEqual([]);
    expect(detail.timeline, 'a correction moves no box').toEqual([]);
    expect(manifestText(accession.id)).toBe(manifestBefore);

    // The search finds the corrected words (folder title, box label) and no longer the old label.
    const byTitle = await t.call('center.search', { query: '"1 of 2"' });
    expect(byTitle.rows.map((hit) => hit.title)).toEqual(['Oak Street permits 2018 (1 of 2)']);
    expect((await t.call('center.search', { query: 'PW-002' })).rows.map((hit) => hit.boxLabel)).toEqual(['PW-002', 'PW-002']);
    expect((await t.call('center.search', { query: 'Elm' })).rows.every((hit) => hit.boxLabel === 'PW-002')).toBe(true);

    // The same file again: nothing changes, and it says so.
    const version = t.session.current()!.version.value;
    const again = await t.call('center.intakeAmendments', { file: await uploaded(t, 'PW-amendments.json', await readFile(path)) });
    expect(again).toMatchObject({ applied: 0, alreadyApplied: 4, conflicts: [] });
    expect(again.message).toMatch(/taken in already .* nothing changed/);
    expect(t.session.current()!.version.value).toBe(version);
    expect((await t.call('center.accession.get', { id: accession.id })).amendments).toHaveLength(4);
  });

  it('dates a folder again by its manifest’s rule when its dates are corrected, and its box with it', async () => {
    t = await testSession();
    const transferId = await departmentTransfer(t);
    const sent = await packageSent(t, transferId);
    await t.call('transfers.amend', { target: { folderId: folderIdOf('Oak Street permits 2018') }, changes: { endDate: '2020' }, reason: 'The file ran into 2020' });
    const written = await t.call('transfers.writeAmendments', { id: transferId, outDir: t.dir });
    await openCenterCatalog(t);
    const { accession } = await t.call('center.intake', { file: { path: sent.zip } });
    const db = () => t.session.current()!.db;
    const boxOne = () => db().get('SELECT disposition_date, disposition_waits_for FROM holding_box WHERE accession_id = ? AND sequence = 1', [accession.id]);
    const oak = () => db().get("SELECT end_date, disposition_date, disposition_status FROM holding_folder WHERE title = 'Oak Street permits 2018'");
    // CY+3: closed 2018, eligible 2022-01-01; the box waits for its latest folder (2019, so 2023-01-01).
    expect([oak(), boxOne()]).toEqual([
      { end_date: '2018', disposition_date: '2022-01-01', disposition_status: 'scheduled' },
      { disposition_date: '2023-01-01', disposition_waits_for: null },
    ]);
    await t.call('center.intakeAmendments', { file: { path: written.path } });
    expect([oak(), boxOne()]).toEqual([
      { end_date: '2020', disposition_date: '2024-01-01', disposition_status: 'scheduled' },
      { disposition_date: '2024-01-01', disposition_waits_for: null },
    ]);
  });

  it('applies only the corrections it has not seen, and keeps one whose value the center no longer holds as a conflict and a discrepancy', async () => {
    const { accession, path, file } = await amendedAndTakenIn();
    await t.call('center.intakeAmendments', { file: { path } });
    const at = new Date().toISOString();
    const later: AmendmentsFile = {
      ...file,
      amendments: [
        ...file.amendments,
        // Written against the title as first sent: the center already holds the corrected one.
        { id: 5, at, actor: 'Ana Ruiz', box: { sequence: 1, label: 'PW-1' }, folder: { position: 1, title: 'Oak Street permits 2018' }, field: 'title', before: 'Oak Street permits 2018', after: 'Oak St permits', reason: 'Shorter' },
        { id: 6, at, actor: 'Ana Ruiz', box: { sequence: 3, label: 'PW-3' }, folder: { position: 1, title: 'Maple Street permits 2018' }, field: 'endDate', before: '2018', after: '2019', reason: 'Runs into 2019' },
        // A manifest does not carry a box's notes: kept and listed, with nothing in the holdings to compare or change.
        { id: 7, at, actor: 'Ana Ruiz', box: { sequence: 2, label: 'PW-2' }, folder: null, field: 'notes', before: '', after: 'Top shelf', reason: 'Where it was' },
      ],
    };
    const result = await t.call('center.intakeAmendments', { file: await uploaded(t, 'PW-2026-001-amendments.json', JSON.stringify(later)) });
    expect(result).toMatchObject({ applied: 2, alreadyApplied: 4 });
    expect(result.conflicts).toEqual([
      {
        amendmentId: 5,
        message:
          'The department’s correction 5 changes the title of folder 1 (“Oak Street permits 2018”) in box 1 (“PW-1”) from “Oak Street permits 2018” to “Oak St permits” ' +
          '(Shorter), but the center’s record says “Oak Street permits 2018 (1 of 2)”: it was not applied. Ask Public Works which is right.',
      },
    ]);
    const detail = await t.call('center.accession.get', { id: accession.id });
    expect(detail.discrepancies).toEqual([
      expect.objectContaining({ kind: 'other', boxSequence: 1, folderPosition: 1, description: result.conflicts[0].message, recordedBy: 'tester' }),
    ]);
    expect(detail.amendments.slice(4).map((each) => [each.amendmentId, each.appliedAt !== null, each.conflict])).toEqual([[5, false, result.conflicts[0].message], [6, true, null], [7, true, null]]);
    const db = t.session.current()!.db;
    expect(db.get('SELECT title FROM holding_folder WHERE position = 1 AND box_id = (SELECT id FROM holding_box WHERE sequence = 1)')).toEqual({ title: 'Oak Street permits 2018 (1 of 2)' });
    expect(db.get('SELECT end_date FROM holding_folder WHERE position = 1 AND box_id = (SELECT id FROM holding_box WHERE sequence = 3)')).toEqual({ end_date: '2019' });

    // Taken in again, the conflict is not recorded twice.
    const again = await t.call('center.intakeAmendments', { file: await uploaded(t, 'PW-2026-001-amendments.json', JSON.stringify(later)) });
    expect(again).toMatchObject({ applied: 0, alreadyApplied: 7, conflicts: [] });
    expect((await t.call('center.accession.get', { id: accession.id })).discrepancies).toHaveLength(1);
  });

  it('refuses a file for another manifest, another transfer number, a tampered or foreign file, naming what is wrong, and changes nothing', async () => {
    const { accession, path, file } = await amendedAndTakenIn();
    const version = t.session.current()!.version.value;
    const send = async (name: string, content: string | Uint8Array) => t.fail('center.intakeAmendments', { file: await uploaded(t, name, content) });

    const foreign = await send('other.json', JSON.stringify({ ...file, transfer: { ...file.transfer, manifestFingerprint: 'f'.repeat(64) } }));
    expect(foreign.code).toBe('invalid-input');
    expect(foreign.message).toMatch(/answers no transfer this center took in\. .*Nothing was changed\.$/);
    const renumbered = await send('renumbered.json', JSON.stringify({ ...file, transfer: { ...file.transfer, number: 'PW-2026-099' } }));
    expect(renumbered.message).toMatch(/names transfer PW-2026-099, but the manifest it names by fingerprint was taken in as transfer PW-\d{4}-001/);

    const tampered = structuredClone(file) as unknown as { amendments: Record<string, unknown>[] };
    tampered.amendments[0].sneaky = 'yes';
    expect((await send('tampered.json', JSON.stringify(tampered))).message).toMatch(/tampered\.json is damaged or was changed by hand: field amendments\.0: .*Nothing was changed\./);
    const noReason = structuredClone(file);
    noReason.amendments[1].reason = '';
    expect((await send('no-reason.json', JSON.stringify(noReason))).message).toMatch(/field amendments\.1\.reason/);
    expect((await send('notes.txt', 'Box 2 is really PW-002')).message).toMatch(/^notes\.txt is not a JSON file/);
    expect((await send('ack.json', JSON.stringify({ format: 'transmittal-acknowledgment/1' }))).message).toMatch(/its format is “transmittal-acknowledgment\/1”; expected transmittal-amendments\/1/);

    // Consistent with the schema but not with the manifest taken in: a box it does not list, a field no one may amend.
    const wrongBox = structuredClone(file);
    wrongBox.amendments[0].box = { sequence: 9, label: 'PW-9' };
    expect((await send('box.json', JSON.stringify(wrongBox))).message).toMatch(/amendment 1 corrects box 9 \(“PW-9”\), which the manifest taken in does not list/);
    const wrongField = structuredClone(file);
    wrongField.amendments[0].field = 'dispositionDate';
    expect((await send('field.json', JSON.stringify(wrongField))).message).toMatch(/corrects the folder field “dispositionDate”, which an amendment may not change/);

    expect(t.session.current()!.version.value).toBe(version);
    expect((await t.call('center.accession.get', { id: accession.id })).amendments).toEqual([]);
    // …and the genuine file still goes in.
    expect((await t.call('center.intakeAmendments', { file: { path } })).applied).toBe(4);
    // A number the department reused for another correction is refused too.
    const reused = structuredClone(file);
    reused.amendments[0].after = 'Something else';
    await writeFile(join(t.dir, 'reused.json'), JSON.stringify(reused));
    expect((await t.fail('center.intakeAmendments', { file: { path: join(t.dir, 'reused.json') } })).message).toMatch(/amendment 1 differs from amendment 1 taken in on .* Ask Public Works which is right/);
  });

  it('is refused by a department catalog', async () => {
    t = await testSession();
    const transferId = await departmentTransfer(t);
    await packageSent(t, transferId);
    await t.call('transfers.amend', { target: { boxId: boxIdOf('PW-1') }, changes: { notes: 'Top shelf' }, reason: 'Where it was' });
    const written = await t.call('transfers.writeAmendments', { id: transferId, outDir: t.dir });
    expect((await t.fail('center.intakeAmendments', { file: { path: written.path } })).code).toBe('forbidden');
  });
});

describe('transmittal amendments intake', () => {

  it('applies the file to the accession it corrects, then says a second time that nothing changed', async () => {
    t = await testSession();
    const transferId = await departmentTransfer(t);
    const { zip } = await packageSent(t, transferId);
    await t.call('transfers.amend', { target: { boxId: boxIdOf('PW-3') }, changes: { label: 'PW-003' }, reason: 'Relabelled' });
    const { path } = await t.call('transfers.writeAmendments', { id: transferId, outDir: t.dir });
    await t.call('catalog.close', {});
    const center = join(t.dir, 'center', 'City Records Center');
    expect((await cli('init', center, '--department', 'City Records Center', '--role', 'records-center')).code).toBe(0);
    expect((await cli('intake', center, zip)).code).toBe(0);

    const first = await cli('amendments', 'intake', center, path);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Corrections from Public Works for accession PW-\d{4}-0001 \(transfer PW-\d{4}-001\): 1 correction applied\./);
    const again = await cli('amendments', 'intake', center, path, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: 0, alreadyApplied: 1, conflicts: [] });
    const refused = await cli('amendments', 'intake', center, zip);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/is not a JSON file/);
  });
});

describe('the migration of amendments received by a records center (version 13)', () => {
  it('adds center_amendment to a holdings catalog, one row per amendment of an accession', async () => {
    const index = migrations.findIndex((migration) => migration.name === 'amendments received by a records center');
    expect(index).toBeGreaterThan(11);
    const db = await Database.fromBytes();
    migrateWith(db, migrations.slice(0, index));
    const departmentId = db.run("INSERT INTO center_department (match_key, name, created_at, updated_at) VALUES ('name:pw', 'Public Works', 'now', 'now')").lastInsertRowid;
    const accessionId = db.run(
      `INSERT INTO accession (department_id, transfer_number, accession_number, manifest_format, manifest_json, manifest_fingerprint, source, source_name, received_at, received_by)
       VALUES (?, 'PW-2026-001', 'PW-2026-0001', 'transmittal-manifest/2', '{}', ?, 'package', 'p.zip', 'now', 'lee')`,
      [departmentId, 'a'.repeat(64)],
    ).lastInsertRowid;
    migrateWith(db, migrations.slice(0, index + 1));
    expect(db.userVersion).toBe(migrations[index].version);
    expect(db.get('SELECT accession_number FROM accession WHERE id = ?', [accessionId])).toEqual({ accession_number: 'PW-2026-0001' });
    const insert = () =>
      db.run(
        `INSERT INTO center_amendment (accession_id, amendment_id, box_sequence, box_label, field, before_value, after_value, reason, at, actor, received_at, received_by)
         VALUES (?, 1, 1, 'PW-1', 'label', '"PW-1"', '"PW-001"', 'Relabelled', 'then', 'ana', 'now', 'lee')`,
        [accessionId],
      );
    insert();
    expect(insert).toThrow(/UNIQUE/);
  });
});
