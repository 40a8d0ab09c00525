// Disposition at size: a records center holding BENCH_DISPOSITION_FOLDERS folders (default 1,000,000) from 40
// departments, every box with a disposition date in 2026 (a quarter of them due in any quarter). Measures the due list
// for a quarter (about 10,000 boxes), the due list again with a standing words hold in force (its scope read against
// every folder's title), placing that hold, and writing one department's notice (JSON + PDF) for the quarter.
// Targets: the due list < 2 s, one department's notice (about 250 boxes and 6,000 folders at 1M) written < 5 s. Not asserted: figures only,
// printed as one JSON line. `npm run bench -- disposition`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catalogContext } from '../electron/catalog/open-catalog';
import { setDepartment } from '../electron/catalog/profile-store';
import { takeIn } from '../electron/center/intake';
import type { IntakeSource } from '../electron/center/read-intake-source';
import { dueList, writeNotice } from '../electron/disposition/center/center-disposition';
import { createHold } from '../electron/disposition/holds/holds';
import { manifestFingerprint } from '../electron/exchange/fingerprint';
import { Database } from '../electron/storage/database';
import { migrate } from '../electron/storage/migrate';
import { MANIFEST_FORMAT, type Manifest } from '../shared/exchange/manifest';
import { holdScopeSchema } from '../shared/exchange/disposition';

const HELD = Number(process.env.BENCH_DISPOSITION_FOLDERS ?? 1_000_000);
const DEPARTMENTS = 40;
const FOLDERS_PER_BOX = 25;
const WORDS = ['permits', 'minutes', 'payroll', 'contracts', 'zoning', 'oak', 'elm', 'maple', 'street', 'appeal', 'audit', 'grant'];
const QUARTER = { from: '2026-04-01', to: '2026-06-30' };

/** The box's disposition date: spread over the twelve months of 2026. */
const dueOn = (index: number) => `2026-${String((index % 12) + 1).padStart(2, '0')}-01`;

function manifestOf(department: number, boxes: number): Manifest {
  const code = `D${String(department).padStart(2, '0')}`;
  const number = `${code}-2022-001`;
  return {
    format: MANIFEST_FORMAT,
    transfer: {
      number, createdAt: '2022-01-05T10:00:00.000Z', sentAt: '2022-01-06T10:00:00.000Z', notes: '', eligibleReason: '', accessRestrictions: '',
      totals: { boxes, folders: boxes * FOLDERS_PER_BOX, cubicFeet: boxes * 1.2 }, dateSpan: { from: '2015', to: '2019' },
    },
    department: {
      name: `Department ${code}`, code, address: '', contactName: '', contactPhone: '', contactEmail: '', fiscalYearStartMonth: 7, officialName: '', officialTitle: '',
    },
    recordsCenter: {
      name: 'City Records Center', address: '', contactName: '', contactPhone: '', contactEmail: '', retrievalInstructions: '', turnaround: '',
      turnaroundWorkingDays: 1, deliveryOptions: [], dispositionNoticeDays: 90, lossPolicy: '', acceptsMixedBoxes: false,
    },
    scheduleItems: [
      {
        itemNumber: 'GS 1010', title: 'Building permits', description: '', retentionText: 'CY+6', rule: { kind: 'period', years: 6, months: 0, trigger: 'calendar-year' },
        disposition: 'destroy', citation: 'State Records Act §12',
      },
    ],
    boxes: Array.from({ length: boxes }, (_, index) => ({
      boxId: `${number}-${String(index + 1).padStart(4, '0')}`, sequence: index + 1, of: boxes, label: `${code}-${index + 1}`, cubicFeet: 1.2, officeLocation: '',
      itemNumbers: ['GS 1010'], dateSpan: { from: '2015', to: '2019' }, dispositionDate: dueOn(index), dispositionWaitsFor: null, eligibleWhenSent: false,
      confidential: index % 10 === 0, centerBoxNumber: null, location: null,
      folders: Array.from({ length: FOLDERS_PER_BOX }, (_, position) => ({
        position: position + 1, title: `${WORDS[(index + position) % WORDS.length]} ${WORDS[(index * 7 + position) % WORDS.length]} file ${index}.${position}`,
        fileCode: `FC-${position}`, itemNumber: 'GS 1010', beginDate: '2015', endDate: '2019', eventDate: '', beginPrecision: 'year', endPrecision: 'year',
        confidential: false, medium: 'paper', notes: '', legalHold: false, legalHoldReason: '', dispositionDate: dueOn(index), dispositionStatus: 'scheduled',
      })),
    })),
    electronicItems: [],
  };
}

function sourceOf(manifest: Manifest): IntakeSource {
  return { source: 'manifest', text: JSON.stringify(manifest), received: manifest, view: manifest, fingerprint: manifestFingerprint(manifest), warnings: [] };
}

const ms = (start: number) => performance.now() - start;

async function main(): Promise<void> {
  const db = await Database.fromBytes();
  migrate(db);
  const context = catalogContext(db, 'bench', () => new Date('2026-03-15T09:00:00.000Z'));
  db.run("INSERT INTO meta (key, value) VALUES ('role', 'records-center') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  setDepartment(context, {
    name: 'City Records Center', code: 'CRC', address: '', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example',
    fiscalYearStartMonth: 7, officialName: '', officialTitle: '',
  });

  const seedStart = performance.now();
  const perDepartment = Math.ceil(Math.ceil(HELD / FOLDERS_PER_BOX) / DEPARTMENTS);
  for (let department = 1; department <= DEPARTMENTS; department += 1) takeIn(context, sourceOf(manifestOf(department, perDepartment)), 'seed');
  // Every box checked in and on the shelf: only boxes at the center are due.
  db.run("UPDATE holding_box SET status = 'received' WHERE status = 'expected'");
  const seedMs = ms(seedStart);

  const dueStart = performance.now();
  const due = dueList(context, QUARTER.from, QUARTER.to);
  const dueMs = ms(dueStart);
  const dueBoxes = due.departments.reduce((sum, each) => sum + each.boxes.length + each.archives.length, 0);

  const holdStart = performance.now();
  createHold(context, { name: 'Elm Street permits appeal', matter: 'Case 26-CV-104', requestedBy: 'City Attorney', scope: holdScopeSchema.parse({ words: 'elm permits' }) });
  const holdMs = ms(holdStart);
  const heldStart = performance.now();
  const dueHeld = dueList(context, QUARTER.from, QUARTER.to);
  const dueWithHoldMs = ms(heldStart);
  const leftOut = dueHeld.leftOut.length;

  const dir = mkdtempSync(join(tmpdir(), 'transmittal-disposition-bench-'));
  try {
    const department = dueHeld.departments[0];
    const noticeStart = performance.now();
    const notice = await writeNotice(context, { departmentId: department.department.id, ...QUARTER, outDir: dir });
    const noticeMs = ms(noticeStart);
    process.stdout.write(
      `${JSON.stringify({
        heldFolders: perDepartment * DEPARTMENTS * FOLDERS_PER_BOX, seedMs, dueBoxes, dueMs, holdMs, dueWithHoldMs, leftOutByHold: leftOut,
        noticeBoxes: notice.boxes, noticeFolders: notice.boxes * FOLDERS_PER_BOX, noticeMs, peakRssMb: process.memoryUsage().rss / 1024 ** 2,
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
