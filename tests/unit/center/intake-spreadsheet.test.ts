// A records center given only the manifest.xlsx a department produced: the manifest rebuilt from its cells makes the
// same holdings as manifest.json, under the department's own fingerprint, so the acknowledgment built from it is one
// the department takes in. And what is refused: a changed cell (named by sheet, row and column), counts that
// disagree, a damaged workbook, manifest.csv (folders only, no fingerprint) and a plain box list (the import wizard).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAcknowledgment } from '../../../electron/center/acknowledgment';
import { importAcknowledgment } from '../../../electron/transfer/acknowledgment-import';
import { MANIFEST_CSV_WARNING } from '../../../electron/center/box-list-intake';
import { manifestSchema } from '../../../shared/exchange/manifest';
import { testSession, uploaded, type TestSession } from '../catalog/session-helpers';
import { departmentTransfer, openCenterCatalog, packageSent } from './center-fixtures';

let department: TestSession;
let sent: { folder: string; fingerprint: string; transferId: number };
let files: { json: string; xlsx: Uint8Array; csv: Uint8Array };
const centers: TestSession[] = [];

beforeAll(async () => {
  department = await testSession();
  const transferId = await departmentTransfer(department);
  // A folder with what a spreadsheet changes on the way: a full date (a date cell), text a spreadsheet would run (its
  // quote), a line break, a legal hold (the box then waits, in words), a fiscal-year date.
  const db = department.session.current()!.db;
  const box = db.get<{ id: number }>("SELECT id FROM box WHERE label = 'PW-2'")!;
  const item = db.get<{ id: number }>("SELECT id FROM schedule_item WHERE item_number = 'GS 1010'")!;
  await department.call('folders.create', {
    boxId: box.id,
    folder: {
      title: '=HYPERLINK("http://example.com")', fileCode: '-12', scheduleItemId: item.id, beginDate: '2019-03-15', endDate: 'FY2020', confidential: true, medium: 'mixed',
      notes: 'Two lines\nof notes', legalHold: true, legalHoldReason: 'Audit 2026',
    },
  });
  sent = { ...(await packageSent(department, transferId)), transferId };
  const data = join(sent.folder, 'data');
  files = {
    json: await readFile(join(data, 'manifest.json'), 'utf8'),
    xlsx: new Uint8Array(await readFile(join(data, 'manifest.xlsx'))),
    csv: new Uint8Array(await readFile(join(data, 'manifest.csv'))),
  };
  return () => department.dispose();
});
afterEach(async () => {
  await Promise.all(centers.splice(0).map((center) => center.dispose()));
});

async function center(): Promise<TestSession> {
  const session = await testSession();
  centers.push(session);
  await openCenterCatalog(session);
  return session;
}

/** Every holding as the center keeps it: the department's labels, titles, codes and dates, in order. */
function holdings(t: TestSession, accessionId: number) {
  const db = t.session.current()!.db;
  return {
    boxes: db.all(
      `SELECT sequence, box_code, label, cubic_feet, item_numbers, date_from, date_to, disposition_date, disposition_waits_for, confidential, status
       FROM holding_box WHERE accession_id = ? ORDER BY sequence`, [accessionId],
    ),
    folders: db.all(
      `SELECT b.sequence, f.position, f.title, f.file_code, f.item_number, f.begin_date, f.end_date, f.event_date, f.disposition_date,
         f.disposition_status, f.confidential, f.legal_hold, f.notes
       FROM holding_folder f JOIN holding_box b ON b.id = f.box_id WHERE b.accession_id = ? ORDER BY b.sequence, f.position`, [accessionId],
    ),
  };
}

/** The department's workbook with `change` applied to it, written again as a workbook. */
function changedWorkbook(change: (workbook: XLSX.WorkBook) => void): Uint8Array {
  const workbook = XLSX.read(files.xlsx, { type: 'array' });
  change(workbook);
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('taking in a manifest.xlsx alone', () => {
  it('makes the same holdings as manifest.json, under the department’s fingerprint, and an acknowledgment the department takes in', async () => {
    const fromJson = await center();
    const byJson = await fromJson.call('center.intake', { file: await uploaded(fromJson, 'manifest.json', files.json) });
    const expected = holdings(fromJson, byJson.accession.id);
    expect(expected.folders).toHaveLength(7);

    const t = await center();
    const { accession, warnings } = await t.call('center.intake', { file: await uploaded(t, 'manifest.xlsx', files.xlsx) });
    expect(accession).toMatchObject({
      source: 'manifest', sourceName: 'manifest.xlsx', manifestFingerprint: sent.fingerprint, transferNumber: byJson.accession.transferNumber,
      department: byJson.accession.department, totals: byJson.accession.totals,
    });
    expect(holdings(t, accession.id)).toEqual(expected);
    // The manifest kept is a valid format 2 manifest, rebuilt: it does not hash to the fingerprint recorded beside it.
    const kept = t.session.current()!.db.get<{ manifest_json: string; manifest_format: string }>('SELECT manifest_json, manifest_format FROM accession WHERE id = ?', [accession.id])!;
    // Everything else as manifest.json says, field for field, but for what the workbook does not carry.
    const original = JSON.parse(files.json);
    const toTheSecond = (at: string) => new Date(Math.round(Date.parse(at) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    expect(manifestSchema.parse(JSON.parse(kept.manifest_json))).toEqual({
      ...original,
      transfer: { ...original.transfer, createdAt: toTheSecond(original.transfer.createdAt), sentAt: toTheSecond(original.transfer.sentAt), eligibleReason: '', accessRestrictions: '' },
      department: { ...original.department, officialName: '', officialTitle: '' },
      recordsCenter: { ...original.recordsCenter, acceptsMixedBoxes: false },
      scheduleItems: [],
      electronicItems: [],
    });
    expect(original.transfer.eligibleReason).not.toBe('');
    expect(kept.manifest_format).toBe('transmittal-manifest/2');

    expect(warnings[0]).toContain(sent.fingerprint);
    expect(warnings[0]).toMatch(/^manifest\.xlsx is a spreadsheet made from the department’s manifest\.json.*the one the department’s receipt prints/);
    expect(warnings[1]).toMatch(/^Not in the spreadsheet, so left empty: why boxes already eligible .* access restrictions, the releasing official’s name and title, .*retention rules and descriptions \(GS 1010: the accession holds no schedule items\), and any electronic records/);
    expect(warnings[2]).toMatch(/to the second/);

    // The same transfer again, now as manifest.json: the fingerprint is the same, so it is recognised.
    const again = await t.fail('center.intake', { file: await uploaded(t, 'manifest.json', files.json) });
    expect(again.message).toMatch(new RegExp(`already taken in as accession ${accession.accessionNumber}`));

    // The real proof: the department takes in the acknowledgment of what the center took in from the spreadsheet.
    const detail = await t.call('center.accession.get', { id: accession.id });
    await t.call('center.checkIn', { accessionId: accession.id, boxes: detail.boxes.map((box) => ({ box: box.boxCode!, status: 'received' as const })) });
    const acknowledgment = buildAcknowledgment(t.session.current()!, accession.id);
    expect(acknowledgment.transfer.manifestFingerprint).toBe(sent.fingerprint);
    expect(acknowledgment.department).toEqual({ name: 'Public Works', code: 'PW' });
    const imported = importAcknowledgment(department.session.current()!, new TextEncoder().encode(JSON.stringify(acknowledgment)), 'ack.json');
    expect(imported).toMatchObject({ transferNumber: accession.transferNumber, accessionNumber: accession.accessionNumber, alreadyImported: false });
    expect((await department.call('transfers.get', { id: sent.transferId })).status).toBe('accessioned');
  });
});

describe('what is refused, naming the sheet, row and column, and changing nothing', () => {
  const refusals: [string, () => Uint8Array, RegExp][] = [
    [
      'a changed cell that breaks the schema',
      () => changedWorkbook((workbook) => { workbook.Sheets.Folders.I3 = { t: 's', v: 'last spring' }; }),
      /^manifest\.xlsx does not make a manifest Transmittal reads: sheet Folders, row 3, column I \(“Begin date”\): Expected a date as 2019-03-15/,
    ],
    [
      'a box count that does not match the boxes listed',
      () => changedWorkbook((workbook) => { workbook.Sheets.Transfer.B7 = { t: 'n', v: 4 }; }),
      /^manifest\.xlsx: sheet Transfer, row 7 \(“Boxes”\) says 4, but sheet Boxes lists 3\./,
    ],
    [
      'a folder row removed by hand',
      () => changedWorkbook((workbook) => {
        const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Folders, { header: 1 });
        workbook.Sheets.Folders = XLSX.utils.aoa_to_sheet(rows.filter((_, index) => index !== 2));
      }),
      /^manifest\.xlsx: sheet Boxes, row 2, column G \(“Folders”\) says box PW-\d{4}-001-001 holds 2 folders, but sheet Folders lists 1 for it/,
    ],
    [
      'a box number that is not its place',
      () => changedWorkbook((workbook) => { workbook.Sheets.Boxes.B3 = { t: 's', v: '3 of 3' }; }),
      /^manifest\.xlsx: sheet Folders, row 4, column C \(“Box”\) says “2 of 3”, but sheet Boxes, row 3 says “3 of 3”/,
    ],
    [
      'a fingerprint that is not one',
      () => changedWorkbook((workbook) => { workbook.Sheets.Transfer.B4 = { t: 's', v: 'see the receipt' }; }),
      /sheet Transfer, row 4 \(“Fingerprint \(SHA-256 of manifest\.json, RFC 8785\)”\) should hold the manifest’s fingerprint/,
    ],
    [
      'a missing sheet',
      () => changedWorkbook((workbook) => { workbook.SheetNames = workbook.SheetNames.filter((name) => name !== 'Boxes'); delete workbook.Sheets.Boxes; }),
      /^manifest\.xlsx is damaged: its sheet Boxes is missing/,
    ],
    ['a damaged (cut short) workbook', () => files.xlsx.slice(0, files.xlsx.length - 200), /^manifest\.xlsx is truncated or damaged/],
    [
      'a plain box list workbook',
      () => new Uint8Array(XLSX.write({ SheetNames: ['Boxes'], Sheets: { Boxes: XLSX.utils.aoa_to_sheet([['Box', 'Contents', 'From', 'To'], [1, 'Permits', 2018, 2019]]) } }, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
      /^manifest\.xlsx is a spreadsheet but not a Transmittal manifest .*take it in as a box list \(transmittal intake-box-list/,
    ],
  ];
  it.each(refusals)('%s', async (_name, make, message) => {
    const t = await center();
    const refused = await t.fail('center.intake', { file: await uploaded(t, 'manifest.xlsx', make()) });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(message);
    expect(await t.call('center.accessions', {})).toEqual([]);
  });

  it('refuses manifest.csv alone, saying what it lacks, and a plain box list CSV, pointing to the import wizard', async () => {
    const t = await center();
    const csv = await t.fail('center.intake', { file: await uploaded(t, 'manifest.csv', files.csv) });
    expect(csv.message).toMatch(/^manifest\.csv is the folder list of a Transmittal manifest \(manifest\.csv\): it lists folders only, without the department, the transfer’s dates or the manifest’s fingerprint/);
    // The name does not decide: the same content under another name is the same refusal.
    expect((await t.fail('center.intake', { file: await uploaded(t, 'transfer.txt', files.csv) })).message).toMatch(/folder list of a Transmittal manifest/);
    const boxList = await t.fail('center.intake', { file: await uploaded(t, 'boxes.csv', 'Barcode,Record Code,Box Title,Date Range\r\n0001,GS 1010,Permits 2018,2018\r\n') });
    expect(boxList.message).toMatch(/^boxes\.csv is a table of boxes or folders, not a Transmittal manifest .*take it in as a box list \(transmittal intake-box-list/);
    expect(await t.call('center.accessions', {})).toEqual([]);
  });

  it('takes a manifest.csv in as a box list by its own headings: box ids, labels, folders, holds and dates as the department wrote them', async () => {
    const fromJson = await center();
    const byJson = await fromJson.call('center.intake', { file: await uploaded(fromJson, 'manifest.json', files.json) });
    const expected = holdings(fromJson, byJson.accession.id);

    const t = await center();
    const { accession, warnings } = await t.call('center.intakeBoxList', { file: await uploaded(t, 'manifest.csv', files.csv), department: { name: 'Public Works', code: 'PW' } });
    expect(warnings[0]).toBe(MANIFEST_CSV_WARNING);
    // The department's transfer number (from its box ids), so its barcodes scan at check-in.
    expect(accession).toMatchObject({ transferNumber: byJson.accession.transferNumber, sourceName: 'box list manifest.csv', totals: { boxes: 3, folders: 7 } });
    expect(accession.manifestFingerprint).not.toBe(sent.fingerprint);
    const taken = holdings(t, accession.id);
    // Folder for folder the same, the legal hold and its reason included; the series title goes nowhere it was not.
    expect(taken.folders).toEqual(expected.folders);
    type BoxRow = Record<'box_code' | 'label' | 'disposition_date' | 'disposition_waits_for', unknown>;
    const named = (rows: unknown[]) => (rows as BoxRow[]).map(({ box_code, label, disposition_date, disposition_waits_for }) => ({ box_code, label, disposition_date, disposition_waits_for }));
    expect(named(taken.boxes)).toEqual(named(expected.boxes));
    const detail = await t.call('center.accession.get', { id: accession.id });
    const scanned = await t.call('center.checkIn', { accessionId: accession.id, boxes: [{ box: detail.boxes[1].boxCode!, status: 'received' }] });
    expect([scanned.stillExpected, scanned.discrepanciesRecorded]).toEqual([2, 0]);
  });
});
