// The contract's import calls (shared/api/contract-import.ts): read a file off the event loop, preview it against
// the catalog with the person's column mapping, then write it as one undoable change.
import type { ApiHandlers, ApiParsedInput } from '../../shared/api/contract';
import type { ColumnMapping } from '../../shared/import/types';
import { describeProblem, rowsWithProblems, type ImportApplyResult, type ImportedFile, type importContract } from '../../shared/api/contract-import';
import { AppError } from '../../shared/domain/errors';
import type { HandlerContext } from '../runtime/handler-context';
import type { CatalogContext } from '../catalog/context';
import { optimizeSearchIndex } from '../catalog/folder-search';
import { applyInventory, inventoryCounts, type ApplyOptions } from './apply-inventory';
import { applySchedule, scheduleCounts } from './apply-schedule';
import { ImportedFiles, sheetOf, summarize } from './imported-files';
import { previewInventory, previewSchedule } from './import-preview';
import { count } from './import-words';
import { planInventory, type InventoryPlan } from './inventory-plan';
import { parseSpreadsheet } from './parse-off-thread';
import { readImportFile } from './read-import-file';
import { fitMapping, listMappings, saveMapping } from './saved-mappings';
import { planSchedule, type SchedulePlan } from './schedule-plan';

type PlanInput = ApiParsedInput<'import.preview'>;
type Plan = InventoryPlan | SchedulePlan;

/** Past this many new folders, the search index is merged afterwards (see optimizeSearchIndex). */
const OPTIMIZE_AFTER_FOLDERS = 1_000;

export function importHandlers(context: HandlerContext): Pick<ApiHandlers, keyof typeof importContract> {
  const files = new ImportedFiles();
  const opened = new Map<string, ImportedFile>();
  const applied = new Map<string, ImportApplyResult>();

  const plan = (catalog: CatalogContext, input: PlanInput): Plan => {
    const file = files.get(input.importId);
    return input.kind === 'inventory' ? planInventory(catalog, file, input.mapping) : planSchedule(catalog, file, input.mapping);
  };

  function finished<T>(results: Map<string, T>, jobId: string): T {
    const status = context.jobs.get(jobId);
    if (status.state === 'running') throw new AppError('invalid-input', `${status.title} is not finished yet.`, { field: 'jobId' });
    if (status.error) throw new AppError(status.error.code, status.error.message, status.error.details);
    const value = results.get(jobId);
    if (value === undefined) throw new AppError('not-found', 'That job did not read or import a file.', { field: 'jobId' });
    return value;
  }

  return {
    'import.open': async ({ file }) => {
      const { fileName, bytes } = await readImportFile(context.files, file);
      const job = { id: '' };
      job.id = context.jobs.start(`Reading ${fileName}`, async (control) => {
        control.progress(0.05, `Reading ${fileName}`);
        const sheets = await parseSpreadsheet(bytes, fileName, control);
        await control.checkpoint();
        control.progress(0.9, 'Finding the header row and columns');
        // Kept for import.result (the work first runs after an await, so the job's id is known by then).
        remember(opened, job.id, summarize(files.add(fileName, sheets)));
      });
      return { jobId: job.id };
    },

    'import.result': async ({ jobId }) => {
      await context.jobs.wait(jobId);
      return finished(opened, jobId);
    },

    'import.preview': async (input) => {
      const catalog = context.current();
      const planned = plan(catalog, input);
      return planned.kind === 'inventory' ? previewInventory(catalog, planned) : previewSchedule(planned);
    },

    'import.apply': async (input) => {
      const catalog = context.current();
      const options: ApplyOptions = { onDuplicate: input.onDuplicate };
      let planned = plan(catalog, input);
      refuseUnlessWanted(planned, input.importGoodRowsOnly, options.onDuplicate);
      const planVersion = catalog.version.value;
      const job = { id: '' };
      job.id = context.jobs.start(`Importing ${planned.fileName}`, async (control) => {
        await control.checkpoint();
        // Something changed the catalog since the check: check again against what is there now.
        if (catalog.version.value !== planVersion) {
          planned = plan(catalog, input);
          refuseUnlessWanted(planned, input.importGoodRowsOnly, options.onDuplicate);
        }
        control.progress(0.1, `Writing ${planned.fileName} into the catalog`);
        const written = planned.kind === 'inventory' ? applyInventory(catalog, planned, options) : applySchedule(catalog, planned, options);
        if (written.foldersCreated >= OPTIMIZE_AFTER_FOLDERS) optimizeSearchIndex(catalog);
        remember(applied, job.id, { ...written, report: planned.report });
      });
      return { jobId: job.id };
    },

    'import.applied': async ({ jobId }) => {
      await context.jobs.wait(jobId);
      return finished(applied, jobId);
    },

    'import.saveMapping': async ({ name, kind, mapping }) => saveMapping(context.current(), name, kind, mapping),

    'import.listMappings': async ({ kind, importId, sheet }) => {
      const saved = listMappings(context.current(), kind);
      if (!importId || sheet === undefined) return saved;
      const table = sheetOf(files.get(importId), sheet);
      return saved
        .map((each) => {
          const { mapping, matchedColumns } = fitMapping(each, table);
          return { ...each, fitted: mapping, matchedColumns };
        })
        .sort((a, b) => b.matchedColumns - a.matchedColumns);
    },

    'import.fitMapping': async ({ importId, sheet, mapping }) => fitMapping({ mapping: mapping as ColumnMapping<string> }, sheetOf(files.get(importId), sheet)),

    'import.discard': async ({ importId }) => ({ discarded: files.discard(importId) }),
  };
}

const KEEP_RESULTS = 10;

function remember<T>(results: Map<string, T>, jobId: string, value: T): void {
  results.set(jobId, value);
  for (const old of [...results.keys()].slice(0, Math.max(0, results.size - KEEP_RESULTS))) results.delete(old);
}

/** Refuses an import that would leave rows behind without the person saying so, or that would write nothing. */
function refuseUnlessWanted(plan: Plan, importGoodRowsOnly: boolean, onDuplicate: 'skip' | 'update'): void {
  const badRows = rowsWithProblems(plan.report);
  if (badRows > 0 && !importGoodRowsOnly) {
    throw new AppError(
      'invalid-input',
      `${count(badRows, 'row')} of ${plan.fileName} ${badRows === 1 ? 'has' : 'have'} problems (the first: ${describeProblem(plan.report.problems[0])}). ` +
        'Fix the file and import it again, or choose to import only the good rows.',
      { file: plan.fileName, rowsWithProblems: badRows, problems: plan.report.problems.slice(0, 20) },
    );
  }
  const counts = plan.kind === 'inventory' ? inventoryCounts(plan, onDuplicate) : scheduleCounts(plan, onDuplicate);
  const writes = counts.boxesCreated + counts.boxesUpdated + counts.foldersCreated + counts.foldersUpdated + counts.scheduleItemsCreated + counts.scheduleItemsUpdated;
  if (writes > 0) return;
  const skipped = counts.foldersSkipped + counts.scheduleItemsSkipped;
  throw new AppError(
    'invalid-input',
    skipped > 0
      ? `Nothing to import: ${count(skipped, plan.kind === 'inventory' ? 'folder' : 'schedule item')} in ${plan.fileName} ${skipped === 1 ? 'is' : 'are'} already in the catalog. Choose to update them to bring them up to date.`
      : `Nothing to import: sheet "${plan.sheet}" of ${plan.fileName} has no rows that could be read with this column mapping.`,
    { file: plan.fileName },
  );
}
