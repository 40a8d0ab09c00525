// Any text a department can type comes back out of manifest.csv and manifest.xlsx as written (after the one
// neutralising quote), and never as a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { manifestToCsv } from '../../../shared/exchange/manifest-csv';
import { manifestToXlsx } from '../../../shared/exchange/manifest-xlsx';
import { looksLikeFormula, neutraliseFormula } from '../../../shared/exchange/spreadsheet-safety';
import { parseCsv } from '../documents/fixtures/csv-reader';
import { sampleManifest } from '../documents/fixtures/sample-manifest';

/** Any Unicode text, with the starts that spreadsheets treat as formulas made common. */
const typed = fc.tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '\n', '"', "'"), fc.string({ unit: 'binary', maxLength: 60 }))
  .map(([start, rest]) => start + rest);

function withFolder(title: string, fileCode: string, notes: string) {
  const manifest = sampleManifest({ boxes: 2 });
  Object.assign(manifest.boxes[0].folders[0], { title, fileCode, notes });
  return manifest;
}

describe('spreadsheet round trip of any text', () => {
  it('manifest.csv gives each value back, neutralised', () => {
    fc.assert(fc.property(typed, typed, typed, (title, fileCode, notes) => {
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(manifestToCsv(withFolder(title, fileCode, notes)));
      const [header, first] = parseCsv(text.slice(1));
      const field = (name: string) => first[header.indexOf(name)];
      expect(field('Title as written')).toBe(neutraliseFormula(title));
      expect(field('File code')).toBe(neutraliseFormula(fileCode));
      expect(field('Notes')).toBe(neutraliseFormula(notes));
      expect(looksLikeFormula(field('Title as written'))).toBe(false);
    }), { numRuns: 150 });
  });

  it('manifest.xlsx gives each value back as a text cell, neutralised, with line breaks as LF', () => {
    fc.assert(fc.property(typed, typed, (title, fileCode) => {
      const workbook = XLSX.read(manifestToXlsx(withFolder(title, fileCode, ''), 'f'.repeat(64)), { type: 'array' });
      const sheet = workbook.Sheets.Folders;
      const expected = (value: string) => (value === '' ? undefined : neutraliseFormula(value).replace(/\r\n?/g, '\n'));
      for (const [address, value] of [['E2', title], ['F2', fileCode]] as const) {
        const cell = sheet[address];
        expect(cell?.v, address).toBe(expected(value));
        if (cell) {
          expect(cell.t).toBe('s');
          expect(cell.f).toBeUndefined();
        }
      }
    }), { numRuns: 60 });
  });
});
