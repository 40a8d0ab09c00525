// A records center takes in a plain box list from a department that does not use Transmittal: read as the import
// reads it, transcribed into a manifest (labels, titles, codes and dates as written, no retention rule), taken in as an
// accession that then checks in, accessions and acknowledges like any other. Refused, changing nothing: a bad row
// (named by row and column), a list with no boxes, an unreadable file, and the same list twice (unless it is given
// a transfer number of its own, then taken in with a warning).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAcknowledgment } from '../../../electron/center/acknowledgment';
import { TRANSCRIBED_WARNING } from '../../../electron/center/box-list-intake';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { acknowledgmentSchema } from '../../../shared/exchange/acknowledgment';
import { manifestSchema } from '../../../shared/exchange/manifest';
import { testSession, uploaded, type TestSession } from '../catalog/session-helpers';
import { CENTER, openCenterCatalog } from './center-fixtures';
import { cli } from '../cli/in-process';

let t: TestSession;
afterEach(async () => t?.dispose());

const year = new Date().getUTCFullYear();
const PARKS = { name: 'Parks and Recreation', code: 'PK' };

const FOLDER_LIST_CSV = [
  'Box,Folder title,File code,From,To',
  'Box 1,Council minutes,ADM-1,2019-01,2019-12',
  ',Budget hearings,ADM-2,2019,2020',
  '002,Park permits — Elm St,PRK-7,FY2018,FY2019',
].join('\n');

function workbook(rows: unknown[][], sheet = 'Boxes'): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

async function centerSession(): Promise<TestSession> {
  t = await testSession();
  await openCenterCatalog(t);
  return t;
}

const storedManifest = (accessionId: number) =>
  manifestSchema.parse(JSON.parse(t.session.current()!.db.get<{ manifest_json: string }>('SELECT manifest_json FROM accession WHERE id = ?', [accessionId])!.manifest_json));

describe('a plain box list taken in as an accession', () => {
  it('a CSV folder list: boxes and folders as written, a transcribed manifest, then check-in, accession and acknowledgment', async () => {
    await centerSession();
    const { accession, warnings } = await t.call('center.intakeBoxList', { file: await uploaded(t, 'parks boxes.csv', FOLDER_LIST_CSV), department: PARKS });
    expect(accession).toMatchObject({
      transferNumber: `PK-BL-${year}-001`, accessionNumber: `PK-${year}-0001`, source: 'manifest', sourceName: 'box list parks boxes.csv', status: 'received',
      department: { name: 'Parks and Recreation', code: 'PK', address: '', contactName: '' },
      totals: { boxes: 2, folders: 3, cubicFeet: 2.4, expected: 2 },
    });
    expect(warnings[0]).toBe(TRANSCRIBED_WARNING);
    expect(warnings[1]).toMatch(/no size for 2 boxes: each is counted as a standard 1\.2 cubic foot box/);

    const manifest = storedManifest(accession.id);
    expect(accession.manifestFingerprint).toBe(manifestFingerprint(manifest));
    expect(manifest.transfer).toMatchObject({ number: `PK-BL-${year}-001`, sentAt: manifest.transfer.createdAt, dateSpan: { from: 'FY2018', to: '2020' } });
    expect(manifest.department).toEqual({ ...PARKS, address: '', contactName: '', contactPhone: '', contactEmail: '', fiscalYearStartMonth: 7, officialName: '', officialTitle: '' });
    expect(manifest.recordsCenter).toMatchObject({ name: CENTER.name, contactName: CENTER.contactName, contactEmail: CENTER.contactEmail, turnaroundWorkingDays: null, deliveryOptions: [] });
    expect(manifest.scheduleItems).toEqual([]);
    expect(manifest.boxes.map((box) => [box.boxId, box.label, box.dateSpan, box.dispositionDate, box.dispositionWaitsFor])).toEqual([
      [`PK-BL-${year}-001-001`, 'Box 1', { from: '2019-01', to: '2020' }, null, 'no-schedule'],
      [`PK-BL-${year}-001-002`, '002', { from: 'FY2018', to: 'FY2019' }, null, 'no-schedule'],
    ]);
    expect(manifest.boxes[1].folders[0]).toMatchObject({
      position: 1, title: 'Park permits — Elm St', fileCode: 'PRK-7', beginDate: 'FY2018', endDate: 'FY2019', beginPrecision: 'fiscal-year',
      dispositionDate: null, dispositionStatus: 'no-schedule', itemNumber: null,
    });

    let detail = await t.call('center.accession.get', { id: accession.id });
    expect(detail.boxes.map((box) => [box.sequence, box.label, box.folders, box.status])).toEqual([[1, 'Box 1', 2, 'expected'], [2, '002', 1, 'expected']]);
    expect((await t.call('center.search', { query: 'budget' })).rows.map((hit) => [hit.title, hit.fileCode, hit.boxLabel])).toEqual([['Budget hearings', 'ADM-2', 'Box 1']]);

    // Then as any accession: scanned by barcode and by number, shelved, acknowledged.
    await t.call('center.checkIn', { accessionId: accession.id, boxes: [{ box: detail.boxes[0].boxCode!, status: 'received' }, { box: 2, status: 'received' }] });
    await t.call('center.addLocations', { building: 'A', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 2, capacityCubicFeet: 1.2 });
    detail = await t.call('center.accession', { accessionId: accession.id, locations: 'auto' });
    expect(detail.boxes.map((box) => [box.label, box.centerBoxNumber, box.location])).toEqual([
      ['Box 1', '1', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 1'],
      ['002', '2', 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 2'],
    ]);
    const acknowledgment = buildAcknowledgment(t.session.current()!, accession.id);
    expect(acknowledgmentSchema.parse(acknowledgment)).toEqual(acknowledgment);
    expect(acknowledgment.transfer).toEqual({ number: `PK-BL-${year}-001`, manifestFingerprint: accession.manifestFingerprint });
    const written = await t.call('center.acknowledge', { accessionId: accession.id, outDir: t.dir });
    expect(written.path).toMatch(new RegExp(`PK-BL-${year}-001-acknowledgment\\.json$`));
  });

  it('an XLSX folder list with item numbers and a box-level list (Box | Contents | Date range)', async () => {
    await centerSession();
    const folders = workbook([
      ['Parks Department box list'],
      ['Box', 'Folder title', 'Record code', 'From', 'To'],
      ['P-1', 'Pool inspections', 'GS 1010', '2017', '2018'],
      ['P-1', 'Playground audits', 'GS 1010', '2018-03', '2018-09'],
      ['P-2', 'Tree removal requests', 'GS 2020', '2016', '2016'],
    ]);
    const taken = await t.call('center.intakeBoxList', { file: await uploaded(t, 'parks.xlsx', folders), department: { name: 'Parks' } });
    expect(taken.accession).toMatchObject({ transferNumber: `P-BL-${year}-001`, totals: { boxes: 2, folders: 3 } });
    const manifest = storedManifest(taken.accession.id);
    expect(manifest.boxes.map((box) => [box.label, box.itemNumbers, box.folders.map((folder) => [folder.position, folder.title, folder.itemNumber, folder.dispositionStatus])])).toEqual([
      ['P-1', ['GS 1010'], [[1, 'Pool inspections', 'GS 1010', 'no-schedule'], [2, 'Playground audits', 'GS 1010', 'no-schedule']]],
      ['P-2', ['GS 2020'], [[1, 'Tree removal requests', 'GS 2020', 'no-schedule']]],
    ]);

    const boxLevel = workbook([
      ['Box', 'Contents', 'Date range'],
      ['A-1', 'Summer camp registrations', '2015-2017'],
      ['A-2', 'Facility rental contracts', '2018'],
    ]);
    const second = await t.call('center.intakeBoxList', { file: await uploaded(t, 'boxes.xlsx', boxLevel), department: { name: 'Parks' } });
    expect(second.accession).toMatchObject({ transferNumber: `P-BL-${year}-002`, accessionNumber: `P-${year}-0002`, totals: { boxes: 2, folders: 2 } });
    expect(storedManifest(second.accession.id).boxes.map((box) => [box.label, box.dateSpan, box.folders.map((folder) => [folder.title, folder.beginDate, folder.endDate])])).toEqual([
      ['A-1', { from: '2015', to: '2017' }, [['Summer camp registrations', '2015', '2017']]],
      ['A-2', { from: '2018', to: '2018' }, [['Facility rental contracts', '2018', '2018']]],
    ]);
    expect(await t.call('center.departments', {})).toHaveLength(1);
  });
});

describe('what a box list intake refuses, changing nothing', () => {
  it('a bad date, naming the row and column', async () => {
    await centerSession();
    const refused = await t.fail('center.intakeBoxList', {
      file: await uploaded(t, 'bad.csv', 'Box,Folder title,From,To\n1,Minutes,2019,2020\n1,Agendas,last spring,2020\n'),
      department: PARKS,
    });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/^1 row of bad\.csv has problems \(the first: bad row 3, From: .+\)\. Fix the list and take it in again: nothing was taken in\.$/);
    expect(refused.details).toMatchObject({ file: 'bad.csv', rowsWithProblems: 1, problems: [{ row: 3, column: 'From' }] });
    expect(await t.call('center.accessions', {})).toEqual([]);
    expect(await t.call('center.departments', {})).toEqual([]);
  });

  it('a list with no boxes, an empty file, and a list without a box column', async () => {
    await centerSession();
    expect((await t.fail('center.intakeBoxList', { file: await uploaded(t, 'empty.csv', 'Box,Folder title\n'), department: PARKS })).message).toMatch(/lists no boxes/);
    expect((await t.fail('center.intakeBoxList', { file: await uploaded(t, 'nothing.csv', ''), department: PARKS })).message).toMatch(/is empty \(0 bytes\)/);
    expect((await t.fail('center.intakeBoxList', { file: await uploaded(t, 'titles.csv', 'Folder title\nMinutes\n'), department: PARKS })).message).toMatch(/holds the box number/);
    expect(await t.call('center.accessions', {})).toEqual([]);
  });

  it('the same list twice, unless it is given a transfer number of its own; a transfer number already used', async () => {
    await centerSession();
    const first = await t.call('center.intakeBoxList', { file: await uploaded(t, 'parks.csv', FOLDER_LIST_CSV), department: PARKS });
    const twice = await t.fail('center.intakeBoxList', { file: await uploaded(t, 'parks again.csv', FOLDER_LIST_CSV), department: { name: 'Parks & Rec', code: 'pk' } });
    expect(twice.message).toBe(
      `This box list was already taken in as accession ${first.accession.accessionNumber} (transfer PK-BL-${year}-001) on ${first.accession.receivedAt.slice(0, 10)}: ` +
        'nothing was changed. If these are other boxes with the same list, give their transfer number.',
    );
    const sameNumber = await t.fail('center.intakeBoxList', { file: await uploaded(t, 'parks.csv', FOLDER_LIST_CSV), department: PARKS, transferNumber: `pk-bl-${year}-001` });
    expect(sameNumber.message).toMatch(/already taken in as accession/);
    const otherList = `${FOLDER_LIST_CSV}\n003,Golf course leases,PRK-9,2020,2021`;
    const numberUsed = await t.fail('center.intakeBoxList', { file: await uploaded(t, 'more.csv', otherList), department: PARKS, transferNumber: `PK-BL-${year}-001` });
    expect(numberUsed.message).toMatch(new RegExp(`^Parks and Recreation already has a transfer PK-BL-${year}-001 at this center \\(accession ${first.accession.accessionNumber}\\)`));
    expect(await t.call('center.accessions', {})).toHaveLength(1);

    const again = await t.call('center.intakeBoxList', { file: await uploaded(t, 'parks.csv', FOLDER_LIST_CSV), department: PARKS, transferNumber: 'PK 2026/14' });
    expect(again.accession.transferNumber).toBe('PK 2026/14');
    expect(again.warnings).toContain(`The same box list was taken in before as accession ${first.accession.accessionNumber} (transfer PK-BL-${year}-001): check that these are other boxes.`);
  });

  it('is not offered to a department catalog', async () => {
    t = await testSession();
    await t.call('catalog.create', { fileName: 'Public Works', department: { name: 'Public Works', fiscalYearStartMonth: 7 } });
    expect((await t.fail('center.intakeBoxList', { file: await uploaded(t, 'parks.csv', FOLDER_LIST_CSV), department: PARKS })).code).toBe('forbidden');
  });
});

describe('transmittal intake-box-list', () => {

  it('takes a list in with --json, says so in words, and exits 1 on a refused list', async () => {
    t = await testSession();
    const catalog = join(t.dir, 'City Records Center');
    const list = join(t.dir, 'parks.csv');
    await writeFile(list, FOLDER_LIST_CSV);
    expect((await cli('init', catalog, '--department', 'City Records Center', '--role', 'records-center')).code).toBe(0);
    const json = await cli('intake-box-list', catalog, list, '--department', 'Parks and Recreation', '--code', 'PK', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).accession).toMatchObject({ transferNumber: `PK-BL-${year}-001`, totals: { boxes: 2, folders: 3 } });
    const words = await cli('intake-box-list', catalog, list, '--department', 'Parks and Recreation', '--code', 'PK', '--transfer', 'PK-2026-77');
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/^Took in the box list .*parks\.csv from Parks and Recreation as transfer PK-2026-77, accession PK-\d{4}-0002: 2 boxes, 3 folders/);
    expect(words.stdout).toContain(`warning  ${TRANSCRIBED_WARNING}`);
    const refused = await cli('intake-box-list', catalog, list, '--department', 'Parks and Recreation', '--code', 'PK', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.message).toMatch(/already taken in/);
  });
});
