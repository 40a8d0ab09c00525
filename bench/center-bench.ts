// A records center at size: a holdings catalog already holding BENCH_CENTER_FOLDERS folders (default 1,000,000) from
// 40 departments takes in a 1,000-box, 25,000-folder transfer, checks every box in and accessions it onto free
// shelves; then center search runs a mix of queries. Targets (issue #11): intake + check-in + accession < 10 s,
// search p95 < 50 ms. The manifest is handed to the core as read (the package check is the verify bench's). Prints
// one JSON line of figures beside raw sql.js inserting the same number of rows. `npm run bench -- center`.
import { performance } from 'node:perf_hooks';
import { catalogContext } from '../electron/catalog/open-catalog';
import { accessionBoxes } from '../electron/center/accession-boxes';
import { checkIn } from '../electron/center/check-in';
import { searchHoldings } from '../electron/center/holdings-search';
import { takeIn } from '../electron/center/intake';
import { addLocations } from '../electron/center/location-store';
import { Database } from '../electron/storage/database';
import { migrate } from '../electron/storage/migrate';
import { centerSearchSchema } from '../shared/api/contract-center';
import { benchManifest, FOLDERS_PER_BOX, intakeSource } from './bench-manifest';
import { rawSqlJs } from './yardstick';

const HELD = Number(process.env.BENCH_CENTER_FOLDERS ?? 1_000_000);
const DEPARTMENTS = 40;
const BOXES = Number(process.env.BENCH_CENTER_BOXES ?? 1000);

const seconds = (start: number) => (performance.now() - start) / 1000;

async function main(): Promise<void> {
  const db = await Database.fromBytes();
  migrate(db);
  const context = catalogContext(db, 'bench', () => new Date());
  db.run("INSERT INTO meta (key, value) VALUES ('role', 'records-center') ON CONFLICT (key) DO UPDATE SET value = excluded.value");

  const seedStart = performance.now();
  const boxesHeld = Math.ceil(HELD / FOLDERS_PER_BOX);
  const perDepartment = Math.ceil(boxesHeld / DEPARTMENTS);
  for (let department = 1; department <= DEPARTMENTS; department += 1) takeIn(context, intakeSource(benchManifest({ department, transfer: 1, year: 2026, boxes: perDepartment })), 'seed');
  const seedSeconds = seconds(seedStart);
  addLocations(context, { building: 'B', room: '', rows: { from: 1, to: 50 }, bays: { from: 1, to: 10 }, shelves: { from: 1, to: 5 }, positionsPerShelf: 1, capacityCubicFeet: 1.2 });

  const source = intakeSource(benchManifest({ department: 99, transfer: 1, year: 2026, boxes: BOXES }));
  const intakeStart = performance.now();
  const { accession } = takeIn(context, source, 'bench');
  const intakeSeconds = seconds(intakeStart);
  const checkInStart = performance.now();
  checkIn(context, { accessionId: accession.id, boxes: source.view.boxes.map((box) => ({ box: box.boxId, status: 'received' as const, note: '' })), extra: [] });
  const checkInSeconds = seconds(checkInStart);
  const accessionStart = performance.now();
  accessionBoxes(context, accession.id, 'auto');
  const accessionSeconds = seconds(accessionStart);

  const queries: Record<string, Record<string, unknown>> = {
    'word': { query: 'permits' }, 'two words': { query: 'oak street' }, 'two words, rarer': { query: 'audit grant' }, 'prefix': { query: 'zon' },
    'word and number': { query: 'file 12' }, 'accession': { accessionNumber: accession.accessionNumber }, 'box code': { boxCode: source.view.boxes[500 % BOXES].boxId },
    'word in a department': { query: 'maple', departmentId: 3 }, 'location': { location: 'Row 3 / Bay 2' }, 'box label words': { query: 'D05-7' },
  };
  const times: number[] = [];
  const timesByKind = new Map<string, number[]>(Object.keys(queries).map((kind) => [kind, []]));
  for (let round = 0; round < 10; round += 1) {
    for (const [kind, query] of Object.entries(queries)) {
      const start = performance.now();
      searchHoldings(context, centerSearchSchema.parse(query));
      const elapsed = performance.now() - start;
      times.push(elapsed);
      timesByKind.get(kind)!.push(elapsed);
    }
  }
  times.sort((a, b) => a - b);
  // Which kind of query is slow: its p95 (of 10 runs: the slowest) and its first run, on stderr beside the JSON line.
  for (const [kind, kindTimes] of timesByKind) {
    const first = kindTimes[0];
    kindTimes.sort((a, b) => a - b);
    process.stderr.write(`${kind.padEnd(22)} p50 ${kindTimes[Math.floor(kindTimes.length * 0.5)].toFixed(1).padStart(7)} ms  p95 ${kindTimes[Math.floor(kindTimes.length * 0.95)].toFixed(1).padStart(7)} ms  first ${first.toFixed(1).padStart(7)} ms\n`);
  }
  const raw = await rawSqlJs(BOXES * FOLDERS_PER_BOX);
  process.stdout.write(
    `${JSON.stringify({
      heldFolders: boxesHeld * FOLDERS_PER_BOX, seedSeconds, transferBoxes: BOXES, transferFolders: BOXES * FOLDERS_PER_BOX,
      intakeSeconds, checkInSeconds, accessionSeconds, totalSeconds: intakeSeconds + checkInSeconds + accessionSeconds,
      searchP50Ms: times[Math.floor(times.length * 0.5)], searchP95Ms: times[Math.floor(times.length * 0.95)], rawInsertMsSameRows: raw.rawInsertMs,
      peakRssMb: process.memoryUsage().rss / 1024 ** 2,
    })}\n`,
  );
}

void main();
