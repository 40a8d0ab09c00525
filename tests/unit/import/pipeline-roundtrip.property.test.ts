// The round trip a department relies on: a catalog written out as a box list spreadsheet and imported into an empty
// catalog gives back the same records — labels, titles (any Unicode, line breaks, a leading = + - @), file codes,
// dates with their precision, confidential, series — exactly.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../catalog/session-helpers';
import { applyImport, catalogSession, cy3, explicitMapping, INVENTORY_FIELDS, INVENTORY_HEADINGS, openFile, xlsxBytes, type Row } from './pipeline-helpers';

const SCHEDULE = [
  { itemNumber: 'GS 1010', title: 'Building permits' },
  { itemNumber: 'GS 2020', title: 'Personnel files' },
];

// Characters a spreadsheet cell cannot hold (XML 1.0 forbids them) or that no person types into a title.
const UNTYPABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/u;
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .filter((value) => !UNTYPABLE.test(value) && value.trim() === value && value.length > 0);
const leading = fc.constantFrom('', '=', '+', '-', '@');
const title = fc
  .tuple(leading, text, fc.option(text, { nil: undefined }))
  .map(([prefix, first, second]) => `${prefix}${first}${second ? `\n${second}` : ''}`)
  .filter((value) => value.trim() === value);
const fileCode = fc.tuple(leading, fc.stringMatching(/^[A-Z0-9]{0,3}(-[0-9]{1,4})?$/)).map(([prefix, code]) => (code ? `${prefix}${code}` : ''));

const pad = (value: number) => String(value).padStart(2, '0');
/** A date at any precision within one year: "2019-03-15", "2019-03", "2019" or "FY2019". */
const dateIn = (year: number) =>
  fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([month, day]) => `${year}-${pad(month)}-${pad(day)}`),
    fc.integer({ min: 1, max: 12 }).map((month) => `${year}-${pad(month)}`),
    fc.constant(String(year)),
    fc.constant(`FY${year}`),
  );
// The end comes at least a year after the beginning, so no precision can make it look earlier.
const dates = fc
  .tuple(fc.integer({ min: 1950, max: 2020 }), fc.integer({ min: 1, max: 4 }))
  .chain(([year, span]) => fc.tuple(fc.option(dateIn(year), { nil: '' }), fc.option(dateIn(year + span), { nil: '' })));

const folder = fc.record({
  title,
  fileCode,
  dates,
  confidential: fc.boolean(),
  notes: fc.option(text, { nil: '' }),
  series: fc.option(fc.constantFrom(...SCHEDULE), { nil: null }),
});
const catalog = fc.uniqueArray(
  fc.record({ label: fc.stringMatching(/^[A-Z]{1,3}-[0-9]{1,4}$/), folders: fc.array(folder, { minLength: 1, maxLength: 5 }) }),
  { minLength: 1, maxLength: 4, selector: (box) => box.label.toLowerCase() },
);

let t: TestSession;
let runs = 0;
beforeAll(async () => {
  t = await catalogSession();
});
afterAll(async () => t?.dispose());

describe('box list round trip', () => {
  it('export to XLSX then import into an empty catalog gives back the same records', async () => {
    await fc.assert(
      fc.asyncProperty(catalog, async (boxes) => {
        runs += 1;
        await t.call('catalog.create', { fileName: `Round trip ${runs}`, department: { name: 'Public Works' } });
        for (const item of SCHEDULE) await t.call('schedule.create', { ...item, rule: cy3 });

        const rows: Row[] = boxes.flatMap((box) =>
          box.folders.map((each, index) => [
            box.label, index + 1, each.title, each.fileCode, each.series?.itemNumber ?? '', each.series?.title ?? '',
            each.dates[0], each.dates[1], each.confidential ? 'Yes' : 'No', each.notes,
          ]),
        );
        const file = await openFile(t, 'export.xlsx', xlsxBytes([{ name: 'Box list', rows: [INVENTORY_HEADINGS, ...rows] }]));
        const mapping = explicitMapping('Box list', 0, INVENTORY_HEADINGS, INVENTORY_FIELDS);
        const preview = await t.call('import.preview', { importId: file.importId, kind: 'inventory', mapping } as never);
        expect(preview.report.problems).toEqual([]);
        await applyImport(t, { importId: file.importId, kind: 'inventory', mapping } as never);

        const imported = (await t.call('folders.list', { limit: 1000, filter: { query: '' } })).rows;
        const expected = boxes.flatMap((box) =>
          box.folders.map((each, index) => [box.label, index + 1, each.title, each.fileCode, each.dates[0], each.dates[1], each.confidential, each.notes, each.series?.itemNumber ?? null]),
        );
        expect(imported.map((each) => [each.boxLabel, each.position, each.title, each.fileCode, each.beginDate, each.endDate, each.confidential, each.notes, each.itemNumber])).toEqual(expected);
        expect((await t.call('boxes.list', { limit: 1000, filter: { query: '' } })).total).toBe(boxes.length);
      }),
      { numRuns: 25 },
    );
  });
});
