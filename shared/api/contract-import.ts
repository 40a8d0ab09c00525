// Imports: box lists and retention schedules brought in from the spreadsheets departments already keep.
// Reading a file runs as a job (off the event loop, cancellable); the file's sheets then stay on the Node side
// under an import id while the person chooses the sheet, the header row and what each column means.
import { z } from 'zod';
import { result, reads, changes, changesSession, DEPARTMENT } from './contract-kit';
import { fileRefSchema } from './file-ref';
import type { ColumnMapping } from '../import/types';

export * from '../import/import-model';
import {
  inventoryMappingSchema,
  scheduleMappingSchema,
  type ImportApplyResult,
  type ImportedFile,
  type ImportPreview,
  type SavedMapping,
} from '../import/import-model';

const importId = z.string().min(1).max(64);
const jobId = z.string().min(1).max(64);
const mappingName = z.string().trim().min(1, 'Give the mapping a name').max(120);

function planInput<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.discriminatedUnion('kind', [
    z.object({ importId, kind: z.literal('inventory'), mapping: inventoryMappingSchema, ...extra }).strict(),
    z.object({ importId, kind: z.literal('schedule'), mapping: scheduleMappingSchema, ...extra }).strict(),
  ]);
}

export const importContract = {
  /** Starts reading a spreadsheet (XLSX, XLS, ODS, CSV) given by reference; poll the job, then import.result. */
  'import.open': {
    ...changesSession(),
    input: z.object({ file: fileRefSchema }).strict(),
    result: result<{ jobId: string }>(),
  },
  /** The file's sheets once read (waits for the job; answers its error if it failed or was cancelled). */
  'import.result': { ...reads(DEPARTMENT), input: z.object({ jobId }).strict(), result: result<ImportedFile>() },
  'import.preview': { ...reads(DEPARTMENT), input: planInput({}), result: result<ImportPreview>() },
  /** Writes the import as one change (undoable); poll the job, then import.applied. */
  'import.apply': {
    ...changes(DEPARTMENT),
    input: planInput({ onDuplicate: z.enum(['skip', 'update']).default('skip'), importGoodRowsOnly: z.boolean().default(false) }),
    result: result<{ jobId: string }>(),
  },
  /** What an import wrote (waits for the job, like import.result). */
  'import.applied': { ...reads(DEPARTMENT), input: z.object({ jobId }).strict(), result: result<ImportApplyResult>() },
  'import.saveMapping': {
    ...changes(DEPARTMENT, { notUndoable: 'a saved column mapping is a preference, not a record' }),
    input: z.discriminatedUnion('kind', [
      z.object({ name: mappingName, kind: z.literal('inventory'), mapping: inventoryMappingSchema }).strict(),
      z.object({ name: mappingName, kind: z.literal('schedule'), mapping: scheduleMappingSchema }).strict(),
    ]),
    result: result<SavedMapping>(),
  },
  'import.listMappings': {
    ...reads(DEPARTMENT),
    input: z
      .object({ kind: z.enum(['inventory', 'schedule']).optional(), importId: importId.optional(), sheet: z.string().max(400).optional() })
      .strict(),
    result: result<SavedMapping[]>(),
  },
  /** Forgets a read file (the wizard was closed). */
  /** Fits a mapping made on another file (a saved one, or one from a JSON file) to a sheet, matching headings. */
  'import.fitMapping': {
    ...reads(DEPARTMENT),
    input: z.discriminatedUnion('kind', [
      z.object({ importId, sheet: z.string().max(400), kind: z.literal('inventory'), mapping: inventoryMappingSchema }).strict(),
      z.object({ importId, sheet: z.string().max(400), kind: z.literal('schedule'), mapping: scheduleMappingSchema }).strict(),
    ]),
    result: result<{ mapping: ColumnMapping<string>; matchedColumns: number }>(),
  },
  'import.discard': { ...changesSession(), input: z.object({ importId }).strict(), result: result<{ discarded: boolean }>() },
} as const;
