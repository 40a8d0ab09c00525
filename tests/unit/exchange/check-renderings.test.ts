// verify checks content, not only embedded fingerprints: a manifest.xlsx or manifest.csv whose cells were changed,
// in a bag whose checksums were computed again, fails and names the sheet, row and column that disagree.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { verifyPackage } from '../../../electron/exchange/verify-package';
import { manifestToCsv } from '../../../shared/exchange/manifest-csv';
import { manifestToXlsx } from '../../../shared/exchange/manifest-xlsx';
import { sampleManifest } from '../documents/fixtures/sample-manifest';
import { tempFolder } from './fixtures/bag-fixtures';

const manifest = sampleManifest();
const fingerprint = manifestFingerprint(manifest);

/** A package sealed after the fact: whatever the documents say, the bag's own checksums match them. */
async function sealed(xlsx: Uint8Array, csv: Uint8Array | string): Promise<string> {
  const dir = join(await tempFolder(), 'PW-2026-003');
  await writeBag(dir, {
    payload: [
      { path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) },
      { path: 'manifest.xlsx', bytes: xlsx },
      { path: 'manifest.csv', bytes: typeof csv === 'string' ? new TextEncoder().encode(csv) : csv },
    ],
    bagInfo: [['External-Identifier', 'PW-2026-003'], ['Manifest-Fingerprint', fingerprint]],
  });
  return dir;
}

describe('verify compares the spreadsheets with manifest.json', () => {
  it('accepts the spreadsheets the app made from the manifest', async () => {
    const report = await verifyPackage(await sealed(manifestToXlsx(manifest, fingerprint), manifestToCsv(manifest)));
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('names the sheet, row and column of a changed cell in manifest.xlsx', async () => {
    const workbook = XLSX.read(manifestToXlsx(manifest, fingerprint), { type: 'array' });
    const folders = workbook.Sheets.Folders;
    const titleColumn = XLSX.utils.sheet_to_json<string[]>(folders, { header: 1 })[0].indexOf('Title as written');
    const address = XLSX.utils.encode_cell({ r: 2, c: titleColumn });
    const original = String(folders[address].v);
    folders[address] = { t: 's', v: 'Nothing to see here' };
    const changed = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const report = await verifyPackage(await sealed(changed, manifestToCsv(manifest)));
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([
      {
        file: 'data/manifest.xlsx',
        message: `disagrees with manifest.json: sheet Folders, row 3, column ${XLSX.utils.encode_col(titleColumn)} (“Title as written”): says “Nothing to see here”, manifest.json says “${original.slice(0, 79)}${original.length > 80 ? '…' : ''}”`,
      },
    ]);
  });

  it('names the row and column of a changed cell in manifest.csv, and a row added', async () => {
    const text = new TextDecoder().decode(manifestToCsv(manifest));
    const lines = text.split('\r\n');
    const cells = lines[1].split(',');
    cells[1] = 'Relabelled';
    lines[1] = cells.join(',');
    lines.splice(lines.length - 1, 0, 'PW-2026-003-999,Smuggled,1 of 1');
    const report = await verifyPackage(await sealed(manifestToXlsx(manifest, fingerprint), lines.join('\r\n')));
    expect(report.valid).toBe(false);
    const messages = report.errors.filter((error) => error.file === 'data/manifest.csv').map((error) => error.message);
    expect(messages[0]).toBe(`disagrees with manifest.json: row 2, column B (“Box label”): says “Relabelled”, manifest.json says “${manifest.boxes[0].label}”`);
    expect(messages.at(-1)).toMatch(/^disagrees with manifest\.json: row \d+ is not in manifest\.json \(it says “PW-2026-003-999, Smuggled, 1 of 1”\)$/);
  });
});
