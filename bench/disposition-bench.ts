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
import { dueList, writeNotice } from '../electron/disposition/center/center-disposition';
import { createHold } from '../electron/disposition/holds/holds';
import { Database } from '../electron/storage/database';
import { migrate } from '../electron/storage/migrate';
import { holdScopeSchema } from '../shared/exchange/disposition';
import { benchManifest, FOLDERS_PER_BOX, intakeSource } from './bench-manifest';

const HELD = Number(process.env.BENCH_DISPOSITION_FOLDERS ?? 1_000_000);
const DEPARTMENTS = 40;
const QUARTER = { from: '2026-04-01', to: '2026-06-30' };

/** The box's disposition date: spread over the twelve months of 2026. */
const dueOn = (index: number) => `2026-${String((index % 12) + 1).padStart(2, '0')}-01`;

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
  for (let department = 1; department <= DEPARTMENTS; department += 1) takeIn(context, intakeSource(benchManifest({ department, transfer: 1, year: 2022, boxes: perDepartment, dispositionDate: dueOn, someConfidential: true })), 'seed');
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
