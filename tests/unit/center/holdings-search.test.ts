// center.search at the edges of its plans: a department whose folders lie in more id ranges than are searched apart
// (ranges bridged), a filter naming more boxes than a narrow one (walked instead), and the count that stops at
// SEARCH_COUNT_LIMIT. Every answer is checked against the plain query it stands for: same folders, same order.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogContext } from '../../../electron/catalog/open-catalog';
import type { CatalogContext } from '../../../electron/catalog/context';
import { MAX_FOLDER_RANGES, NARROW_FILTER_BOXES, searchHoldings } from '../../../electron/center/holdings-search';
import { takeIn } from '../../../electron/center/intake';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { Database } from '../../../electron/storage/database';
import { migrate } from '../../../electron/storage/migrate';
import { SEARCH_COUNT_LIMIT } from '../../../shared/api/contract-catalog';
import { centerSearchSchema } from '../../../shared/api/contract-center';
import { MANIFEST_FORMAT, type Manifest } from '../../../shared/exchange/manifest';

const WORDS = ['permits', 'minutes', 'payroll', 'zoning', 'oak', 'elm'];

function manifestOf(code: string, transfer: number, boxes: number, foldersPerBox: number): Manifest {
  const number = `${code}-2026-${String(transfer).padStart(3, '0')}`;
  return {
    format: MANIFEST_FORMAT,
    transfer: {
      number, createdAt: '2026-01-05T10:00:00.000Z', sentAt: '2026-01-06T10:00:00.000Z', notes: '', eligibleReason: '', accessRestrictions: '',
      totals: { boxes, folders: boxes * foldersPerBox, cubicFeet: boxes * 1.2 }, dateSpan: { from: '2015', to: '2019' },
    },
    department: { name: `Department ${code}`, code, address: '', contactName: '', contactPhone: '', contactEmail: '', fiscalYearStartMonth: 7, officialName: '', officialTitle: '' },
    recordsCenter: {
      name: 'City Records Center', address: '', contactName: '', contactPhone: '', contactEmail: '', retrievalInstructions: '', turnaround: '',
      turnaroundWorkingDays: 1, deliveryOptions: [], dispositionNoticeDays: 90, lossPolicy: '', acceptsMixedBoxes: false,
    },
    scheduleItems: [],
    boxes: Array.from({ length: boxes }, (_, index) => ({
      boxId: `${number}-${index + 1}`, sequence: index + 1, of: boxes, label: `${code}-${transfer}-${index + 1}`, cubicFeet: 1.2, officeLocation: '',
      itemNumbers: [], dateSpan: { from: '2015', to: '2019' }, dispositionDate: null, dispositionWaitsFor: 'no-schedule', eligibleWhenSent: false,
      confidential: false, centerBoxNumber: null, location: null,
      folders: Array.from({ length: foldersPerBox }, (_, position) => ({
        position: position + 1, title: `${WORDS[(index + position + transfer) % WORDS.length]} file ${index}.${position}`, fileCode: '', itemNumber: null,
        beginDate: '2015', endDate: '2019', eventDate: '', beginPrecision: 'year', endPrecision: 'year', confidential: false, medium: 'paper', notes: '',
        legalHold: false, legalHoldReason: '', dispositionDate: null, dispositionStatus: 'no-schedule',
      })),
    })),
    electronicItems: [],
  };
}

function takeInManifest(context: CatalogContext, manifest: Manifest): void {
  const text = JSON.stringify(manifest);
  takeIn(context, { source: 'manifest', text, received: manifest, view: manifest, fingerprint: manifestFingerprint(manifest), warnings: [] }, 'tester');
}

let context: CatalogContext;
const departmentIds: Record<string, number> = {};

/** What the search stands for, without any of its shortcuts: every match with its box's department, in id order. */
function plainMatches(word: string, departmentId: number): number[] {
  return context.db.column<number>(
    `SELECT f.id FROM holding_folder f JOIN holding_box b ON b.id = f.box_id JOIN accession a ON a.id = b.accession_id
     WHERE f.id IN (SELECT docid FROM holding_search WHERE holding_search MATCH ?) AND a.department_id = ? ORDER BY f.id`,
    [`${word}*`, departmentId],
  );
}

beforeAll(async () => {
  const db = await Database.fromBytes();
  migrate(db);
  context = catalogContext(db, 'tester', () => new Date('2026-02-01T00:00:00Z'));
  db.run("INSERT INTO meta (key, value) VALUES ('role', 'records-center') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  // Department AA's transfers interleaved with BB's: AA's folders lie in more id ranges than are searched apart.
  for (let transfer = 1; transfer <= MAX_FOLDER_RANGES + 4; transfer += 1) {
    takeInManifest(context, manifestOf('AA', transfer, 3, 4));
    takeInManifest(context, manifestOf('BB', transfer, 2 + (transfer % 3), 5));
  }
  // A department with more boxes than a narrow filter names, and enough folders to pass the count limit.
  takeInManifest(context, manifestOf('CC', 1, NARROW_FILTER_BOXES + 10, 3));
  for (const [id, code] of db.all<{ id: number; code: string }>('SELECT id, code FROM center_department').map((row) => [row.id, row.code] as const)) departmentIds[code] = id;
}, 60_000);

const search = (input: Record<string, unknown>) => searchHoldings(context, centerSearchSchema.parse(input));
const allIds = (input: Record<string, unknown>) => {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = search({ ...input, offset, limit: 500 });
    ids.push(...page.rows.map((hit) => hit.folderId));
    if (page.rows.length < 500) return ids;
  }
};

describe('center.search finds the same folders in the same order whatever plan it takes', () => {
  it('a department whose folders lie in many id ranges', () => {
    for (const word of ['permits', 'oak', 'file', 'zon']) {
      const expected = plainMatches(word, departmentIds.AA);
      expect(expected.length).toBeGreaterThan(0);
      expect(allIds({ query: word, departmentId: departmentIds.AA }), word).toEqual(expected);
      expect(search({ query: word, departmentId: departmentIds.AA }).total).toBe(expected.length);
    }
    const folders = context.db.column<number>(
      'SELECT f.id FROM holding_folder f JOIN holding_box b ON b.id = f.box_id JOIN accession a ON a.id = b.accession_id WHERE a.department_id = ? ORDER BY f.id',
      [departmentIds.BB],
    );
    expect(allIds({ departmentId: departmentIds.BB })).toEqual(folders);
  });

  it('a filter naming more boxes than a narrow one', () => {
    const expected = plainMatches('minutes', departmentIds.CC);
    expect(expected.length).toBeLessThan(SEARCH_COUNT_LIMIT);
    expect(allIds({ query: 'minutes', departmentId: departmentIds.CC })).toEqual(expected);
    expect(search({ departmentId: departmentIds.CC, limit: 3 }).rows.map((hit) => hit.position)).toEqual([1, 2, 3]);
  });

  it('counts up to SEARCH_COUNT_LIMIT, then says the total is a lower bound', () => {
    const everyFile = context.db.column<number>("SELECT docid FROM holding_search WHERE holding_search MATCH 'file*' ORDER BY docid");
    expect(everyFile.length).toBeGreaterThan(SEARCH_COUNT_LIMIT);
    const page = search({ query: 'file', offset: 100, limit: 20 });
    expect(page).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalIsLowerBound: true, offset: 100 });
    expect(page.rows.map((hit) => hit.folderId)).toEqual(everyFile.slice(100, 120));
    const department = search({ query: 'file', departmentId: departmentIds.AA });
    expect(department.totalIsLowerBound).toBeUndefined();
    expect(department.total).toBe(plainMatches('file', departmentIds.AA).length);
  });
});
