// Packaging a 200-box, 5,000-folder transfer end to end (issue #4; target < 5 s): create the transfer, add every
// box, check it, send it (building and freezing the manifest) and write the package (documents, bag, zip).
// Building the catalog is not measured. Prints one JSON line of figures; run.ts prints them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Jobs } from '../electron/runtime/jobs';
import { insertBox } from '../electron/catalog/box-store';
import { fiscalYearStartMonth } from '../electron/catalog/context';
import { ruleLookup } from '../electron/catalog/derived';
import { insertFolder } from '../electron/catalog/folder-store';
import { catalogContext } from '../electron/catalog/open-catalog';
import { createRecordsCenter, setDepartment } from '../electron/catalog/profile-store';
import { insertScheduleItem } from '../electron/schedule/schedule-store';
import { Database } from '../electron/storage/database';
import { migrate } from '../electron/storage/migrate';
import { startPackage } from '../electron/transfer/package-transfer';
import { sendTransfer } from '../electron/transfer/send-transfer';
import { checkTransfer } from '../electron/transfer/transfer-validation';
import { addBoxes, createTransfer } from '../electron/transfer/transfer-store';
import { buildSampleCatalog } from '../shared/catalog/sample-data';
import { folderInputSchema, recordsCenterInputSchema } from '../shared/domain/types';
import { rawPdfLib } from './yardstick';
import { readFile } from 'node:fs/promises';

const BOXES = Number(process.env.BENCH_TRANSFER_BOXES ?? 200);
const FOLDERS_PER_BOX = Number(process.env.BENCH_TRANSFER_FOLDERS_PER_BOX ?? 25);

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'transmittal-transfer-bench-'));
  try {
    const db = await Database.fromBytes();
    migrate(db);
    const context = catalogContext(db, 'bench', () => new Date());
    const template = buildSampleCatalog({ boxes: BOXES });
    setDepartment(context, { ...template.department, code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' });
    const center = createRecordsCenter(
      context,
      recordsCenterInputSchema.parse({
        name: 'State Records Center', address: '1 Archive Way', contactPhone: '555-0199', retrievalInstructions: 'Email the box number',
        turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.',
      }),
    );
    const itemIds = new Map<string, number>();
    context.db.transaction(() => {
      for (const item of template.scheduleItems) itemIds.set(item.itemNumber, insertScheduleItem(context, item, () => {}));
      const derive = ruleLookup(context);
      const fiscalMonth = fiscalYearStartMonth(context);
      template.boxes.forEach(({ folders, ...box }, index) => {
        const boxId = insertBox(context, { ...box, label: `PW-${String(index + 1).padStart(3, '0')}` });
        for (let position = 1; position <= FOLDERS_PER_BOX; position += 1) {
          const sample = folders[(position - 1) % folders.length];
          const scheduleItemId = itemIds.get(template.scheduleItems[index % template.scheduleItems.length].itemNumber) ?? null;
          // Complete folders: the bench measures packaging, not the check's error messages.
          const folder = folderInputSchema.parse({ ...sample, position, scheduleItemId, legalHold: false, legalHoldReason: '', beginDate: '2015', endDate: '2016', eventDate: '' });
          insertFolder(context, boxId, folder, derive, fiscalMonth);
        }
      });
    });

    const jobs = new Jobs();
    const [transfer, createMs] = await timed(() => createTransfer(context, { recordsCenterId: center.id, notes: '' }));
    const [, addMs] = await timed(() => addBoxes(context, { id: transfer.id, all: true }));
    const [validation, validateMs] = await timed(() => checkTransfer(context, transfer.id));
    if (!validation.valid) throw new Error(`The bench transfer is not valid: ${validation.issues[0]?.message}`);
    const [, sendMs] = await timed(() => sendTransfer(context, transfer.id, 'The boxes are evidence in an open appeal'));
    const [started, packageMs] = await timed(async () => {
      const started = await startPackage(context, transfer.id, { outDir, jobs, clock: () => new Date(), appVersion: 'bench' });
      const job = await jobs.wait(started.jobId);
      if (job.state !== 'done') throw new Error(`Packaging failed: ${job.message}`);
      return started;
    });
    const totalMs = createMs + addMs + validateMs + sendMs + packageMs;
    const folders = context.db.column<number>('SELECT count(*) FROM folder')[0];
    // The yardstick: raw pdf-lib writing as many pages as the package's two PDFs hold, in this run.
    const { PDFDocument } = await import('pdf-lib');
    const pdfPages = (await Promise.all(['receipt.pdf', 'labels.pdf'].map(async (name) => (await PDFDocument.load(await readFile(join(started.folder, 'data', name)))).getPageCount()))).reduce((a, b) => a + b, 0);
    const rawPdfMs = await rawPdfLib(pdfPages);
    process.stdout.write(
      `${JSON.stringify({ boxes: BOXES, folders, createMs, addMs, validateMs, sendMs, packageMs, totalMs, pdfPages, rawPdfMs, warnings: validation.warnings, zip: started.zip })}\n`,
    );
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

await main();
