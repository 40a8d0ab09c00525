// The records center's side in the core, through a real session: a department sends and packages a transfer; the
// center takes the package in, checks boxes in (one missing, one extra), sets up shelves, accessions with the
// suggested locations and acknowledges back — an acknowledgment the published schema accepts, on a custody chain
// that verifies. And every refusal: a tampered package, the same one twice, a department catalog, a draft.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acknowledgmentSchema, canonicalAcknowledgmentJson } from '../../../shared/exchange/acknowledgment';
import { createHash } from 'node:crypto';
import { verifyCustodyChain } from '../../../electron/custody/custody-events';
import { buildAcknowledgment } from '../../../electron/center/acknowledgment';
import { department, testSession, uploaded, type TestSession } from '../catalog/session-helpers';
import { CENTER, centerProfile as center, departmentTransfer, openCenterCatalog, packageSent } from './center-fixtures';

let t: TestSession;
afterEach(async () => t?.dispose());

describe('a records center takes a transfer in, checks it in, shelves it and acknowledges it', () => {
  it('round trip: intake, one box missing and one extra, locations, accession, acknowledgment, custody chain', async () => {
    t = await testSession();
    const transferId = await departmentTransfer(t);
    const sent = await packageSent(t, transferId);
    await openCenterCatalog(t);

    const { accession, warnings } = await t.call('center.intake', { file: { path: sent.zip } });
    expect(warnings).toEqual([]);
    expect(accession).toMatchObject({
      accessionNumber: `PW-${new Date().getUTCFullYear()}-0001`, transferNumber: expect.stringMatching(/^PW-\d{4}-001$/), status: 'received',
      manifestFingerprint: sent.fingerprint, source: 'package', receivedBy: 'tester',
      department: { name: 'Public Works', code: 'PW', address: '1 Main St', contactName: 'Ana Ruiz' },
      totals: { boxes: 3, folders: 6, cubicFeet: 3.6, expected: 3, received: 0, missing: 0, extra: 0 },
    });
    let detail = await t.call('center.accession.get', { id: accession.id });
    expect(detail.boxes.map((box) => [box.sequence, box.label, box.status, box.folders])).toEqual([[1, 'PW-1', 'expected', 2], [2, 'PW-2', 'expected', 2], [3, 'PW-3', 'expected', 2]]);
    expect(detail.timeline, 'nothing happens to a box before check-in').toEqual([]);

    // Check-in: box 1 scanned by its barcode, box 3 by its number, box 2 missing, and a box not on the manifest.
    const checked = await t.call('center.checkIn', {
      accessionId: accession.id,
      boxes: [{ box: detail.boxes[0].boxCode!, status: 'received' }, { box: 3, status: 'received' }, { box: '2', status: 'missing', note: 'Not on the pallet' }],
      extra: [{ description: 'Unlabelled box “Oak St 2017”', cubicFeet: 1.2 }],
    });
    expect(checked.outcomes.map((outcome) => [outcome.sequence, outcome.status, outcome.changed])).toEqual([[1, 'received', true], [3, 'received', true], [2, 'missing', true], [null, 'extra', true]]);
    expect(checked).toMatchObject({ discrepanciesRecorded: 2, stillExpected: 0 });
    // Scanning a box again says so and records nothing.
    const again = await t.call('center.checkIn', { accessionId: accession.id, boxes: [{ box: detail.boxes[0].boxCode!.toLowerCase(), status: 'received' }] });
    expect(again.outcomes[0]).toMatchObject({ changed: false, message: expect.stringContaining('already checked in as received by tester') });
    expect(again.discrepanciesRecorded).toBe(0);
    // What was recorded stays: a received box cannot be turned missing.
    expect((await t.fail('center.checkIn', { accessionId: accession.id, boxes: [{ box: 1, status: 'missing' }] })).message).toMatch(/cannot now be marked missing/);
    expect((await t.fail('center.checkIn', { accessionId: accession.id, boxes: [{ box: 'XX-9', status: 'received' }] })).message).toMatch(/not a box of accession .* extra box/);

    // Shelves: 2 rows × 1 bay × 1 shelf × 2 positions; one small position the boxes do not fit.
    expect(await t.call('center.addLocations', { building: 'A', rows: { from: 1, to: 2 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 2, capacityCubicFeet: 1.2 })).toEqual({ added: 4, alreadyThere: 0 });
    expect(await t.call('center.addLocations', { building: 'A', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 3, capacityCubicFeet: 0.5 })).toEqual({ added: 1, alreadyThere: 2 });
    const suggestions = await t.call('center.suggestLocations', { accessionId: accession.id });
    expect(suggestions.map((each) => [each.sequence, each.location?.words])).toEqual([
      [1, 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 1'],
      [3, 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 2'],
      // Position 3 of row 1 holds 0.5 cubic feet: the extra box goes on to row 2.
      [null, 'Building A / Row 2 / Bay 1 / Shelf 1 / Position 1'],
    ]);

    detail = await t.call('center.accession', { accessionId: accession.id, locations: 'auto' });
    expect(detail.status).toBe('accessioned');
    expect(detail.boxes.map((box) => [box.sequence, box.status, box.centerBoxNumber, box.location])).toEqual([
      [1, 'received', '1', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 1'],
      [2, 'missing', null, null],
      [3, 'received', '2', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 2'],
      [null, 'extra', '3', 'Building A / Row 2 / Bay 1 / Shelf 1 / Position 1'],
    ]);
    expect(detail.timeline.map((event) => [event.boxSequence, event.kind])).toEqual([
      [1, 'received'], [3, 'received'], [2, 'discrepancy'], [null, 'received'], [null, 'discrepancy'], [1, 'located'], [3, 'located'], [null, 'located'],
    ]);
    const locations = await t.call('center.locations', {});
    expect(locations.totals).toMatchObject({ positions: 5, used: 3, free: 2 });
    expect(locations.rows.filter((row) => row.box).map((row) => row.box!.centerBoxNumber)).toEqual(['1', '2', '3']);

    const context = t.session.current()!;
    const built = buildAcknowledgment(context, accession.id);
    expect(acknowledgmentSchema.parse(built)).toEqual(built);
    expect(built.boxes.map((box) => [box.sequence, box.status, box.centerBoxNumber])).toEqual([[1, 'received', '1'], [2, 'missing', null], [3, 'received', '2']]);
    expect(built.extraBoxes).toEqual([{ description: 'Unlabelled box “Oak St 2017”', centerBoxNumber: '3', location: 'Building A / Row 2 / Bay 1 / Shelf 1 / Position 1', note: '' }]);
    expect(built.discrepancies.map((each) => [each.kind, each.boxSequence, each.recordedBy])).toEqual([['missing', 2, 'tester'], ['extra', null, 'tester']]);
    expect(built.discrepancies[0].description).toMatch(/^Box 2 of 3 \(“PW-2”, barcode PW-\d{4}-001-002\) is on the manifest but did not arrive\. Not on the pallet$/);
    expect(built.events.map((event) => [event.boxSequence, event.kind])).toEqual([[1, 'received'], [3, 'received'], [2, 'discrepancy'], [1, 'located'], [3, 'located']]);
    expect(built.events[3].detail).toBe('Shelved as center box 1 at Building A / Row 1 / Bay 1 / Shelf 1 / Position 1');
    expect(built.recordsCenter).toMatchObject({ name: CENTER.name, contactName: 'Lee Park', retrievalInstructions: center.retrievalInstructions });
    expect(built.transfer.manifestFingerprint).toBe(sent.fingerprint);

    const written = await t.call('center.acknowledge', { accessionId: accession.id, outDir: join(t.dir, 'out') });
    expect(written.path).toBe(join(t.dir, 'out', `${accession.transferNumber}-acknowledgment.json`));
    const onDisk = acknowledgmentSchema.parse(JSON.parse(await readFile(written.path, 'utf8')));
    expect(written.fingerprint).toBe(createHash('sha256').update(canonicalAcknowledgmentJson(onDisk), 'utf8').digest('hex'));
    expect(written.download.fileName).toBe(`${accession.transferNumber}-acknowledgment.json`);
    expect((await t.call('center.accession.get', { id: accession.id })).acknowledgedAt).toBe(onDisk.accession.acknowledgedAt);

    expect(verifyCustodyChain(context)).toEqual({ events: 8, broken: null });

    // Search over the holdings: words, box label, barcode, accession number, location.
    const oak = await t.call('center.search', { query: 'oak' });
    expect(oak.rows.map((hit) => [hit.title, hit.centerBoxNumber, hit.location])).toEqual([
      ['Oak Street permits 2018', '1', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 1'],
      ['Oak Street permits 2019', '1', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 1'],
    ]);
    expect((await t.call('center.search', { query: 'pw-3' })).rows.map((hit) => hit.title)).toEqual(['Maple Street permits 2018', 'Maple Street permits 2019']);
    expect((await t.call('center.search', { boxCode: detail.boxes[1].boxCode! })).total).toBe(2);
    expect((await t.call('center.search', { accessionNumber: accession.accessionNumber.toLowerCase(), limit: 4, offset: 4 })).rows).toHaveLength(2);
    expect((await t.call('center.search', { location: 'Row 1 / Bay 1 / Shelf 1 / Position 2' })).rows.map((hit) => hit.title)).toEqual(['Maple Street permits 2018', 'Maple Street permits 2019']);
    expect((await t.call('center.search', { query: 'permits', departmentId: accession.department.id })).total).toBe(6);
  });
});

describe('what the center refuses, changing nothing', () => {
  async function sentPackage() {
    t = await testSession();
    const transferId = await departmentTransfer(t);
    const sent = await packageSent(t, transferId);
    await openCenterCatalog(t);
    return sent;
  }

  it('refuses a package whose manifest changed after packaging, naming the file', async () => {
    const sent = await sentPackage();
    const manifestPath = join(sent.folder, 'data', 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.boxes[0].label = 'PW-1 (changed)';
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
    const refused = await t.fail('center.intake', { file: { path: sent.folder } });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/^PW-\d{4}-001 did not verify, so nothing was taken in: .*data\/manifest\.json does not match its sha256 checksum/);
    expect(await t.call('center.accessions', {})).toEqual([]);
  });

  it('refuses the same transfer twice, naming the accession, and the same number with another manifest, naming both fingerprints', async () => {
    const sent = await sentPackage();
    const first = await t.call('center.intake', { file: { path: sent.zip } });
    const twice = await t.fail('center.intake', { file: { path: sent.folder } });
    expect(twice.message).toMatch(new RegExp(`already taken in as accession ${first.accession.accessionNumber}`));

    const manifest = JSON.parse(await readFile(join(sent.folder, 'data', 'manifest.json'), 'utf8'));
    manifest.transfer.notes = 'Another version';
    const other = await t.fail('center.intake', { file: await uploaded(t, 'manifest.json', JSON.stringify(manifest)) });
    expect(other.message).toContain(sent.fingerprint);
    expect(other.message).toMatch(/fingerprint [0-9a-f]{64}: the two differ/);
    expect(await t.call('center.accessions', {})).toHaveLength(1);
  });

  it('takes in a manifest.json alone (uploaded), with a warning, and refuses one that breaks the schema naming the field', async () => {
    const sent = await sentPackage();
    const text = await readFile(join(sent.folder, 'data', 'manifest.json'), 'utf8');
    const broken = JSON.parse(text);
    broken.boxes[1].folders[0].beginDate = 'last spring';
    const refused = await t.fail('center.intake', { file: await uploaded(t, 'manifest.json', JSON.stringify(broken)) });
    expect(refused.message).toMatch(/^manifest\.json is not a manifest Transmittal reads: field boxes\.1\.folders\.0\.beginDate/);

    const taken = await t.call('center.intake', { file: await uploaded(t, 'manifest.json', text) });
    expect(taken.accession).toMatchObject({ source: 'manifest', sourceName: 'manifest.json', manifestFingerprint: sent.fingerprint, totals: { boxes: 3, folders: 6 } });
    expect(taken.warnings[0]).toMatch(/manifest alone/);
  });

  it('refuses a draft preview and something that is not JSON', async () => {
    const sent = await sentPackage();
    const draft = JSON.parse(await readFile(join(sent.folder, 'data', 'manifest.json'), 'utf8'));
    draft.transfer.sentAt = null;
    expect((await t.fail('center.intake', { file: await uploaded(t, 'manifest.json', JSON.stringify(draft)) })).message).toMatch(/is a DRAFT preview/);
    expect((await t.fail('center.intake', { file: await uploaded(t, 'notes.txt', 'hello') })).message).toMatch(/not valid JSON/);
  });

  it('is not offered to a department catalog', async () => {
    t = await testSession();
    await t.call('catalog.create', { fileName: 'Public Works', department });
    const refused = await t.fail('center.intake', { file: { path: '/nowhere.zip' } });
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/“center\.intake” is for a records center’s holdings catalog/);
    expect((await t.fail('center.search', {})).code).toBe('forbidden');
  });
});
