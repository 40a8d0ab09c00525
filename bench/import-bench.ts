// The import benchmark (issue 3): a 100,000-row box list XLSX made here, imported end to end into an empty catalog
// as the app does it — read in the worker thread, interpreted and checked against the catalog, written as one
// change, search index merged. Prints one JSON line of figures; run.ts tabulates. Target: < 10 s, < 1 GB.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { buildSampleCatalog } from '../shared/catalog/sample-data';
import { suggestMapping } from '../shared/import/detect-columns';
import type { ColumnMapping, InventoryField } from '../shared/import/types';
import { catalogContext } from '../electron/catalog/open-catalog';
import { optimizeSearchIndex } from '../electron/catalog/folder-search';
import { setDepartment } from '../electron/catalog/profile-store';
import { applyInventory } from '../electron/import/apply-inventory';
import { planInventory } from '../electron/import/inventory-plan';
import { parseSpreadsheet } from '../electron/import/parse-off-thread';
import { insertScheduleItem } from '../electron/schedule/schedule-store';
import { CatalogFile } from '../electron/storage/catalog-file';
import { rawSheetJsRead } from './yardstick';

const FOLDERS_PER_BOX = 10;

/** A box list as departments keep them: a title row, headings, then one row per folder. */
function boxListXlsx(rows: number, itemNumbers: string[]): Uint8Array {
  const sample = buildSampleCatalog({ boxes: 20 }).boxes.flatMap((box) => box.folders);
  const table: (string | number)[][] = [['Public Works — records room box list'], ['Box', 'Folder', 'Folder Title', 'File Code', 'Series Number', 'Begin Date', 'End Date', 'Confidential', 'Notes']];
  for (let index = 0; index < rows; index += 1) {
    const folder = sample[index % sample.length];
    table.push([
      `PW-${Math.floor(index / FOLDERS_PER_BOX) + 1}`,
      (index % FOLDERS_PER_BOX) + 1,
      `${folder.title} ${index}`,
      folder.fileCode,
      itemNumbers[index % itemNumbers.length],
      folder.beginDate,
      folder.endDate,
      folder.confidential ? 'Yes' : 'No',
      folder.notes,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), 'Box list');
  // Compressed, as Excel saves it (SheetJS stores parts uncompressed unless asked).
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Processor time of the whole process, worker threads included: unlike the clock, it does not grow on a busy machine. */
let cpuMs = 0;
const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const cpuStart = cpuNow();
  const value = await work();
  cpuMs += cpuNow() - cpuStart;
  return [value, performance.now() - start];
}

const ITEM_NUMBERS = buildSampleCatalog({ boxes: 1 }).scheduleItems.map((item) => item.itemNumber);

// The file is made in a process of its own, so this process's peak memory is the import's alone.
if (process.argv[2] === 'generate') {
  await writeFile(process.argv[4], boxListXlsx(Number(process.argv[3]), ITEM_NUMBERS));
  process.exit(0);
}

const rows = Number(process.argv[2] ?? 100_000);
const dir = await mkdtemp(join(tmpdir(), 'transmittal-import-bench-'));
try {
  const listPath = join(dir, 'boxlist.xlsx');
  const [, generateMs] = await timed(() =>
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'generate', String(rows), listPath], { stdio: 'inherit' }),
  );
  const bytes = new Uint8Array(await readFile(listPath));
  const file = await CatalogFile.create(join(dir, 'import.transmittal'), { keepBackups: 0 });
  const context = catalogContext(file.db, 'bench', () => new Date());
  const template = buildSampleCatalog({ boxes: 1 });
  setDepartment(context, template.department);
  context.db.transaction(() => {
    for (const item of template.scheduleItems) insertScheduleItem(context, item, () => {});
  });
  const baselineRssMb = process.resourceUsage().maxRSS / 1024;
  cpuMs = 0;

  const [sheets, readMs] = await timed(() => parseSpreadsheet(bytes, 'boxlist.xlsx', { cancelled: false }));
  const stored = { importId: 'bench', fileName: 'boxlist.xlsx', sheets };
  const [plan, interpretMs] = await timed(() => planInventory(context, stored, suggestMapping(sheets[0], 'inventory') as ColumnMapping<InventoryField>));
  const [written, applyMs] = await timed(() => applyInventory(context, plan, { onDuplicate: 'skip' }));
  const [, optimizeMs] = await timed(() => optimizeSearchIndex(context));
  const importCpuMs = cpuMs;
  const [, saveMs] = await timed(() => file.save());
  await file.close();
  // The yardstick: SheetJS alone reading the same bytes, in this run.
  const rawReadMs = rawSheetJsRead(bytes);
  if (written.foldersCreated !== rows) throw new Error(`Imported ${written.foldersCreated} folders of ${rows}: ${JSON.stringify(plan.report.problems.slice(0, 3))}`);
  console.log(
    JSON.stringify({
      rows,
      boxes: written.boxesCreated,
      fileMb: bytes.length / 1024 / 1024,
      generateMs,
      readMs,
      rawReadMs,
      interpretMs,
      applyMs,
      optimizeMs,
      importMs: readMs + interpretMs + applyMs + optimizeMs,
      importCpuMs,
      saveMs,
      baselineRssMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
