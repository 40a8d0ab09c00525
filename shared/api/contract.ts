// The one API contract: every call the UI can make, its input schema (checked where it enters the Node side)
// and its result type. Electron IPC and the web shell are two transports of this map.
import { z } from 'zod';
import {
  boxInputSchema,
  boxStatusSchema,
  departmentSchema,
  folderFieldsSchema,
  folderInputSchema,
  recordsCenterInputSchema,
  scheduleItemInputSchema,
  type Box,
  type Department,
  type DispositionStatus,
  type Folder,
  type RecordsCenter,
  type ScheduleItem,
} from '../domain/types';
import { changesSchema } from '../domain/changes-schema';
import type { AppErrorShape } from '../domain/errors';

import { id, none, result } from './contract-kit';
import { importContract } from './contract-import';
import { transferContract } from './contract-transfers';

const ids = z.array(id).min(1).max(100_000);
/** A catalog file name chosen by the user: a plain name, never a path. */
const catalogFileName = z
  .string()
  .trim()
  .min(1, 'Give the catalog a name')
  .max(120)
  .refine((name) => !/[\\/:*?"<>|\u0000-\u001f]/.test(name) && name !== '.' && name !== '..', {
    message: 'A catalog name cannot contain / \\ : * ? " < > | or control characters',
  });

export interface CatalogInfo {
  path: string;
  fileName: string;
  departmentName: string;
  schemaVersion: number;
  isSample: boolean;
  /** Why the catalog can only be looked at ("the file is marked read-only"), or null when it can be changed. */
  readOnly: string | null;
  /** Something the user should know about this opening (a stale lock taken over), or null. */
  notice: string | null;
}

export interface RecentCatalog {
  path: string;
  fileName: string;
  openedAt: string;
}

export interface SaveState {
  dirty: boolean;
  saving: boolean;
  lastSavedAt: string | null;
  /** Another program changed the catalog file since it was opened: Transmittal will not overwrite it. */
  conflict: boolean;
  error: AppErrorShape | null;
}

export interface AppStatus {
  version: string;
  workspaceDir: string;
  catalog: CatalogInfo | null;
  recentCatalogs: RecentCatalog[];
  save: SaveState;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface CatalogSummary {
  boxes: number;
  folders: number;
  scheduleItems: number;
  recordsCenters: number;
  foldersOnHold: number;
  foldersWithoutSchedule: number;
  eligibleByYear: { year: number; folders: number }[];
}

export interface Page<T> {
  /** Matching rows; for a text search, counted only up to SEARCH_COUNT_LIMIT (see totalIsLowerBound). */
  total: number;
  /** True when more rows match than were counted: show "5,000+" and invite a narrower search. */
  totalIsLowerBound?: boolean;
  offset: number;
  rows: T[];
}

/** A text search counts its matches up to this many: counting 400,000 matches would cost more than the page. */
export const SEARCH_COUNT_LIMIT = 5_000;

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';
export interface JobStatus {
  id: string;
  title: string;
  state: JobState;
  /** 0 to 1. */
  progress: number;
  message: string;
  error: AppErrorShape | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  entity: 'department' | 'records_center' | 'schedule_item' | 'box' | 'folder' | 'transfer' | 'transfer_box';
  entityId: number;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
  changeId: number;
  changeLabel: string;
}

export type ScheduleItemWithUse = ScheduleItem & { folderCount: number };

export const folderFilterSchema = z
  .object({
    query: z.string().max(200).default(''),
    boxId: id.optional(),
    scheduleItemId: id.optional(),
    /** Folders whose dates overlap these years. */
    yearFrom: z.number().int().min(1000).max(9999).optional(),
    yearTo: z.number().int().min(1000).max(9999).optional(),
    boxStatus: boxStatusSchema.optional(),
    dispositionYear: z.number().int().min(1000).max(9999).optional(),
    dispositionStatus: z
      .enum(['scheduled', 'on-hold', 'permanent', 'awaiting-event', 'no-schedule', 'undated'] satisfies DispositionStatus[])
      .optional(),
  })
  .strict();
export type FolderFilter = z.input<typeof folderFilterSchema>;

export const boxFilterSchema = z
  .object({
    query: z.string().max(200).default(''),
    status: boxStatusSchema.optional(),
    scheduleItemId: id.optional(),
  })
  .strict();
export type BoxFilter = z.input<typeof boxFilterSchema>;

const pageInput = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

/** Columns a folder grid paste can fill, in the order the pasted cells come. */
export const pasteColumns = ['position', 'title', 'fileCode', 'itemNumber', 'beginDate', 'endDate', 'eventDate', 'confidential', 'medium', 'notes'] as const;
export type PasteColumn = (typeof pasteColumns)[number];

/** The catalog's own calls; transfers and imports add theirs from their own files. */
const catalogContract = {
  'app.status': { input: none, result: result<AppStatus>() },

  'catalog.create': {
    input: z.object({ fileName: catalogFileName, department: departmentSchema }).strict(),
    result: result<CatalogInfo>(),
  },
  'catalog.open': {
    input: z.object({ path: z.string().min(1).max(4096), readOnly: z.boolean().optional() }).strict(),
    result: result<CatalogInfo>(),
  },
  /** Opens a copy of the newest backup of a damaged catalog, saved beside it; the damaged file is left untouched. */
  'catalog.openBackup': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), result: result<CatalogInfo>() },
  /** Builds the sample catalog in the background; poll the job, then app.status shows it open. */
  'catalog.openSample': { input: none, result: result<{ jobId: string }>() },
  /** Refuses (unsaved-changes) while changes cannot be saved, unless `discard` says to drop them. */
  'catalog.close': { input: z.object({ discard: z.boolean().optional() }).strict().default({}), result: result<{ closed: boolean }>() },
  'catalog.save': { input: none, result: result<SaveState>() },
  'catalog.reload': { input: none, result: result<CatalogInfo>() },
  'catalog.saveAs': { input: z.object({ fileName: catalogFileName }).strict(), result: result<CatalogInfo>() },
  'catalog.summary': { input: none, result: result<CatalogSummary>() },

  'department.get': { input: none, result: result<Department>() },
  'department.update': { input: departmentSchema.strict(), result: result<Department>() },

  'centers.list': { input: none, result: result<RecordsCenter[]>() },
  'centers.create': { input: recordsCenterInputSchema.strict(), result: result<RecordsCenter>() },
  'centers.update': {
    input: z.object({ id, center: recordsCenterInputSchema.strict() }).strict(),
    result: result<RecordsCenter>(),
  },
  'centers.delete': { input: z.object({ id }).strict(), result: result<{ deleted: number }>() },

  'schedule.list': { input: none, result: result<ScheduleItemWithUse[]>() },
  'schedule.create': { input: scheduleItemInputSchema.strict(), result: result<ScheduleItem>() },
  'schedule.update': {
    input: z.object({ id, item: scheduleItemInputSchema.strict() }).strict(),
    result: result<ScheduleItem>(),
  },
  'schedule.delete': { input: z.object({ id }).strict(), result: result<{ deleted: number }>() },

  'boxes.list': {
    input: z.object({ ...pageInput, filter: boxFilterSchema.default({ query: '' }) }).strict(),
    result: result<Page<Box>>(),
  },
  'boxes.get': { input: z.object({ id }).strict(), result: result<Box>() },
  'boxes.create': { input: boxInputSchema.strict(), result: result<Box>() },
  'boxes.update': { input: z.object({ id, changes: changesSchema(boxInputSchema.shape) }).strict(), result: result<Box>() },
  'boxes.delete': { input: z.object({ ids }).strict(), result: result<{ deleted: number }>() },

  'folders.list': {
    input: z.object({ ...pageInput, filter: folderFilterSchema.default({ query: '' }) }).strict(),
    result: result<Page<Folder>>(),
  },
  'folders.create': { input: z.object({ boxId: id, folder: folderInputSchema }).strict(), result: result<Folder>() },
  'folders.update': {
    input: z.object({ id, changes: changesSchema(folderFieldsSchema.shape) }).strict(),
    result: result<Folder>(),
  },
  'folders.delete': { input: z.object({ ids }).strict(), result: result<{ deleted: number }>() },
  /**
   * Rows copied from a spreadsheet, pasted into a box's folder grid starting at a row. Cells are text as copied;
   * every cell is checked first and the whole paste is refused, naming row and column, if any cell is wrong.
   */
  'folders.paste': {
    input: z
      .object({
        boxId: id,
        startRow: z.number().int().min(0).max(100_000),
        columns: z.array(z.enum(pasteColumns)).min(1).max(pasteColumns.length),
        rows: z.array(z.array(z.string().max(4000)).max(50)).min(1).max(10_000),
      })
      .strict(),
    result: result<{ created: number; updated: number }>(),
  },

  'history.undo': { input: none, result: result<{ undone: string }>() },
  'history.redo': { input: none, result: result<{ redone: string }>() },
  'history.list': {
    input: z
      .object({
        entity: z.enum(['department', 'records_center', 'schedule_item', 'box', 'folder', 'transfer', 'transfer_box']).optional(),
        entityId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    result: result<HistoryEntry[]>(),
  },

  'jobs.get': { input: z.object({ id: z.string().min(1).max(64) }).strict(), result: result<JobStatus>() },
  'jobs.cancel': { input: z.object({ id: z.string().min(1).max(64) }).strict(), result: result<JobStatus>() },
} as const;

export const apiContract = { ...catalogContract, ...transferContract, ...importContract } as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiResult<M extends ApiMethod> = ApiContract[M]['result'];

/** What the renderer calls: one named method per call. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<M>> };
/** What the Node side implements: one handler per call, receiving validated input. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiResult<M>> | ApiResult<M> };

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}
