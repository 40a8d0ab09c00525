// The session's calls: what is open (create, open, save, close), the app's status, undo and redo, background jobs.
import { z } from 'zod';
import {
  departmentSchema,
} from '../domain/types';
import type { AppErrorShape } from '../domain/errors';

import { changes, changesSession, id, none, reads, result, ROLES, type Role } from './contract-kit';

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
  /** Whose catalog this is: a department's own records, or a records center's holdings. */
  role: Role;
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
  entity: 'department' | 'records_center' | 'schedule_item' | 'box' | 'folder' | 'transfer' | 'transfer_box' | 'amendment' | 'transfer_file';
  entityId: number;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
  changeId: number;
  changeLabel: string;
}

export const sessionContract = {
  'app.status': { ...reads(), input: none, result: result<AppStatus>() },
  'catalog.create': {
    ...changesSession(),
    input: z.object({ fileName: catalogFileName, department: departmentSchema, role: z.enum(ROLES).default('department') }).strict(),
    result: result<CatalogInfo>(),
  },
  'catalog.open': {
    ...changesSession(),
    input: z.object({ path: z.string().min(1).max(4096), readOnly: z.boolean().optional() }).strict(),
    result: result<CatalogInfo>(),
  },
  /** Opens a copy of the newest backup of a damaged catalog, saved beside it; the damaged file is left untouched. */
  'catalog.openBackup': { ...changesSession(), input: z.object({ path: z.string().min(1).max(4096) }).strict(), result: result<CatalogInfo>() },
  /** Builds the sample catalog in the background; poll the job, then app.status shows it open. */
  'catalog.openSample': { ...changesSession(), input: none, result: result<{ jobId: string }>() },
  /** Refuses (unsaved-changes) while changes cannot be saved, unless `discard` says to drop them. */
  'catalog.close': { ...changesSession(), input: z.object({ discard: z.boolean().optional() }).strict().default({}), result: result<{ closed: boolean }>() },
  'catalog.save': { ...changesSession(), input: none, result: result<SaveState>() },
  'catalog.reload': { ...changesSession(), input: none, result: result<CatalogInfo>() },
  'catalog.saveAs': { ...changesSession(), input: z.object({ fileName: catalogFileName }).strict(), result: result<CatalogInfo>() },
  'history.undo': { ...changes(), input: none, result: result<{ undone: string }>() },
  'history.redo': { ...changes(), input: none, result: result<{ redone: string }>() },
  'history.list': {
    ...reads(),
    input: z
      .object({
        entity: z.enum(['department', 'records_center', 'schedule_item', 'box', 'folder', 'transfer', 'transfer_box', 'amendment', 'transfer_file']).optional(),
        entityId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    result: result<HistoryEntry[]>(),
  },
  'jobs.get': { ...reads(), input: z.object({ id: z.string().min(1).max(64) }).strict(), result: result<JobStatus>() },
  'jobs.cancel': { ...changesSession(), input: z.object({ id: z.string().min(1).max(64) }).strict(), result: result<JobStatus>() },
} as const;
