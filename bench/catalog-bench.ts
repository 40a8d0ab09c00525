// One catalog-size benchmark, in two processes so each peak memory figure is its own: `create` builds a catalog of
// N folders and saves it; `use` opens it, searches, pages, edits one folder and saves. Prints one JSON line of
// figures; run.ts tabulates.
import { stat } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildSampleCatalog } from '../shared/catalog/sample-data';
import { catalogContext } from '../electron/catalog/open-catalog';
import { insertBox } from '../electron/catalog/box-store';
import { insertFolder, updateFolder } from '../electron/catalog/folder-store';
import { listFolders, optimizeSearchIndex } from '../electron/catalog/folder-search';
import { listBoxes } from '../electron/catalog/box-store';
import { setDepartment } from '../electron/catalog/profile-store';
import { insertScheduleItem } from '../electron/schedule/schedule-store';
import { fiscalYearStartMonth } from '../electron/catalog/context';
import { ruleLookup } from '../electron/catalog/derived';
import { CatalogFile } from '../electron/storage/catalog-file';
import { rawSqlJs } from './yardstick';

const FOLDERS_PER_BOX = 10;
const QUERIES = ['per', 'permit', 'oak', 'smith', 'bp 2019', '0412', 'corresp', 'budget 2017', 'inspection', 'zz-nothing', 'gs 1010', 'minutes'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function create(folders: number, path: string): Promise<Record<string, number>> {
  const clock = () => new Date();
  let createMs = 0;
  const file = await CatalogFile.create(path, { keepBackups: 0 });
  const context = catalogContext(file.db, 'bench', clock);
  const template = buildSampleCatalog({ boxes: 1 });
  setDepartment(context, template.department);
  const itemIds = new Map<string, number>();
  context.db.transaction(() => {
    for (const item of template.scheduleItems) itemIds.set(item.itemNumber, insertScheduleItem(context, item, () => {}));
  });
  const derive = ruleLookup(context);
  const fiscalMonth = fiscalYearStartMonth(context);
  let made = 0;
  let seed = 1;
  while (made < folders) {
    // Generating realistic titles is not what we measure: only the inserts count towards "create".
    const chunk = buildSampleCatalog({ boxes: 500, seed: seed++ });
    const start = performance.now();
    context.db.transaction(() => {
      for (const { folders: boxFolders, ...box } of chunk.boxes) {
        // Split each sample box into boxes of ten folders: 1M folders then fill 100,000 boxes.
        for (let part = 0; part < boxFolders.length && made < folders; part += FOLDERS_PER_BOX) {
          const boxId = insertBox(context, { ...box, label: `${box.label}-${seed}-${part / FOLDERS_PER_BOX + 1}` });
          for (const { itemNumber, ...folder } of boxFolders.slice(part, part + Math.min(FOLDERS_PER_BOX, folders - made))) {
            insertFolder(context, boxId, { ...folder, position: undefined, scheduleItemId: itemIds.get(itemNumber) ?? null }, derive, fiscalMonth);
            made += 1;
          }
        }
      }
    });
    createMs += performance.now() - start;
  }
  const start = performance.now();
  optimizeSearchIndex(context);
  createMs += performance.now() - start;
  const [, firstSaveMs] = await timed(() => file.save());
  await file.close();
  const createPeakRssMb = process.resourceUsage().maxRSS / 1024;
  // The yardstick: raw sql.js inserting and exporting as many folder-sized rows, in this same process and run.
  const { rawInsertMs, rawExportMs } = await rawSqlJs(folders);
  return { folders, boxes: Math.ceil(folders / FOLDERS_PER_BOX), createMs, firstSaveMs, createPeakRssMb, rawInsertMs, rawExportMs };
}

async function use(path: string): Promise<Record<string, number>> {
  const clock = () => new Date();
  const [opened, openMs] = await timed(() => CatalogFile.open(path, { keepBackups: 0 }));
  const context = catalogContext(opened.db, 'bench', clock);
  const searchTimes: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const query of QUERIES) {
      context.history.untracked(() => undefined); // defeat the cache: every keystroke is a new query
      const [, ms] = await timed(() => listFolders(context, { query }, 0, 100));
      searchTimes.push(ms);
    }
  }
  const [firstPage, firstPageMs] = await timed(() => listFolders(context, { query: '' }, 0, 200));
  const [, deepPageMs] = await timed(() => listFolders(context, { query: '' }, Math.max(0, Math.floor(firstPage.total / 2)), 200));
  // Scrolling on from there: the next page starts from the last row served, not from row 0.
  const [, nextPageMs] = await timed(() => listFolders(context, { query: '' }, Math.floor(firstPage.total / 2) + 200, 200));
  const [, boxPageMs] = await timed(() => listBoxes(context, { query: '' }, 0, 200));
  const [, editMs] = await timed(() => updateFolder(context, firstPage.rows[0].id, { title: 'Edited for the benchmark' }));
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  // Let the monitor's timer start first, or a block at the very start of the save (the export) goes unseen.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const [, saveMs] = await timed(() => opened.save());
  await new Promise((resolve) => setTimeout(resolve, 50));
  loopDelay.disable();
  // The export is the one part of a save that holds the event loop; timed alone as a cross-check of the monitor.
  const [, exportMs] = await timed(() => opened.db.export());
  await opened.close();
  return {
    fileMb: (await stat(path)).size / 1024 / 1024,
    openMs,
    searchP50Ms: percentile(searchTimes, 50),
    searchP95Ms: percentile(searchTimes, 95),
    firstPageMs, deepPageMs, nextPageMs, boxPageMs, editMs, saveMs, exportMs,
    saveStallMs: loopDelay.max / 1e6,
    usePeakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const [mode, argument, path] = process.argv.slice(2);
const figures = mode === 'create' ? await create(Number(argument), path) : await use(argument);
console.log(JSON.stringify(figures));
