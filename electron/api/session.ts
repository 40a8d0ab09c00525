// A session: one open catalog (or none), its autosave, undo, and background jobs, behind the API contract. The
// desktop app, the web shell and the CLI each create one; nothing here knows which transport calls it.
import { rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { ApiHandlers, AppStatus, CatalogInfo, SaveState } from '../../shared/api/contract';
import { AppError, toErrorShape } from '../../shared/api/errors';
import type { Department } from '../../shared/domain/types';
import { catalogContext, readMeta, writeMeta } from '../catalog/open-catalog';
import type { CatalogContext } from '../catalog/context';
import { setDepartment, getDepartment } from '../catalog/profile-store';
import { fillSampleCatalog } from '../catalog/sample-catalog';
import { CatalogFile } from '../storage/catalog-file';
import { LATEST_SCHEMA_VERSION } from '../storage/migrations';
import { createDispatcher, type Dispatch } from './dispatch';
import { catalogHandlers } from './catalog-handlers';
import { Jobs } from './jobs';
import type { HandlerContext } from './handler-context';
import { transferHandlers } from '../transfer/transfer-handlers';
import { importHandlers } from '../import/import-handlers';
import { catalogDisplayName, catalogPathFor, ensureWorkspace, readRecent, rememberRecent } from './workspace';

export interface SessionOptions {
  workspaceDir: string;
  actor?: string;
  appVersion: string;
  /** How long after a change the catalog is saved; the UI shows "Unsaved changes" meanwhile. */
  autosaveDelayMs?: number;
  clock?: () => Date;
  sampleBoxes?: number;
  /** Keep the recently-opened list in the workspace (the apps do; the CLI, working on any folder, does not). */
  rememberRecent?: boolean;
  onError?: (error: unknown) => void;
}

export interface Session {
  dispatch: Dispatch;
  handlers: ApiHandlers;
  /** Saves pending changes now. */
  flush(): Promise<void>;
  /** Saves pending changes, waits for jobs, closes the catalog. */
  close(): Promise<void>;
  /** The open catalog's context, for in-process tools (benchmarks, tests). */
  current(): CatalogContext | null;
}

interface OpenCatalog {
  file: CatalogFile;
  context: CatalogContext;
  savedVersion: number;
}

export const SAMPLE_CATALOG_NAME = 'Sample catalog';

export async function createSession(options: SessionOptions): Promise<Session> {
  const clock = options.clock ?? (() => new Date());
  const actor = options.actor ?? safeUserName();
  const autosaveDelayMs = options.autosaveDelayMs ?? 800;
  const jobs = new Jobs();
  await ensureWorkspace(options.workspaceDir);

  let open: OpenCatalog | null = null;
  let autosaveTimer: NodeJS.Timeout | null = null;
  const save: SaveState = { dirty: false, saving: false, lastSavedAt: null, conflict: false, error: null };

  function requireOpen(): OpenCatalog {
    if (!open) throw new AppError('no-catalog-open', 'No catalog is open. Create a catalog or open one first.');
    return open;
  }

  function info(catalog: OpenCatalog): CatalogInfo {
    return {
      path: catalog.file.path,
      fileName: catalogDisplayName(catalog.file.path),
      departmentName: getDepartment(catalog.context).name,
      schemaVersion: LATEST_SCHEMA_VERSION,
      isSample: readMeta(catalog.context.db, 'is_sample') === 'true',
    };
  }

  async function saveNow(): Promise<void> {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = null;
    const catalog = open;
    if (!catalog || save.conflict) return;
    const version = catalog.context.version.value;
    if (version === catalog.savedVersion && !save.dirty) return;
    save.saving = true;
    try {
      const result = await catalog.file.save();
      catalog.savedVersion = version;
      save.lastSavedAt = result.savedAt;
      save.error = result.backupError
        ? { code: 'internal', message: `Saved, but the automatic backup failed: ${result.backupError}` }
        : null;
      save.dirty = catalog.context.version.value !== version;
    } catch (error) {
      const shape = toErrorShape(error);
      save.error = shape;
      if (shape.code === 'catalog-conflict') save.conflict = true;
      else options.onError?.(error);
    } finally {
      save.saving = false;
    }
    if (save.dirty) scheduleSave();
  }

  function scheduleSave(): void {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(() => void saveNow(), autosaveDelayMs);
  }

  /** After every call: anything changed is marked unsaved and saved shortly. */
  function noteChanges(): void {
    if (open && open.context.version.value !== open.savedVersion) {
      save.dirty = true;
      if (!save.conflict) scheduleSave();
    }
  }

  async function closeCurrent(): Promise<void> {
    if (!open) return;
    await saveNow();
    if (save.conflict) {
      throw new AppError('catalog-conflict', 'This catalog has changes that could not be saved because another program changed the file. Save them under a new name or reload the file first.');
    }
    open.file.close();
    open = null;
    Object.assign(save, { dirty: false, saving: false, lastSavedAt: null, conflict: false, error: null });
  }

  async function adopt(file: CatalogFile): Promise<CatalogInfo> {
    const context = catalogContext(file.db, actor, clock);
    open = { file, context, savedVersion: 0 };
    Object.assign(save, { dirty: false, saving: false, lastSavedAt: null, conflict: false, error: null });
    if (options.rememberRecent !== false) await rememberRecent(options.workspaceDir, file.path, clock().toISOString());
    return info(open);
  }

  async function createCatalog(path: string, department: Department, fill?: (context: CatalogContext) => Promise<void>): Promise<CatalogFile> {
    const file = await CatalogFile.create(path, { clock });
    try {
      const context = catalogContext(file.db, actor, clock);
      writeMeta(file.db, 'created_at', clock().toISOString());
      writeMeta(file.db, 'created_by_version', options.appVersion);
      setDepartment(context, department);
      if (fill) await fill(context);
      await file.save();
      return file;
    } catch (error) {
      file.close();
      await rm(path, { force: true });
      throw error;
    }
  }

  const sessionHandlers: Pick<ApiHandlers, 'app.status' | `catalog.${'create' | 'open' | 'openSample' | 'close' | 'save' | 'reload' | 'saveAs'}` | 'history.undo' | 'history.redo' | 'jobs.get' | 'jobs.cancel'> = {
    'app.status': async (): Promise<AppStatus> => ({
      version: options.appVersion,
      workspaceDir: options.workspaceDir,
      catalog: open ? info(open) : null,
      recentCatalogs: await readRecent(options.workspaceDir),
      save: { ...save },
      undoLabel: open?.context.history.undoLabel ?? null,
      redoLabel: open?.context.history.redoLabel ?? null,
    }),
    'catalog.create': async ({ fileName, department }) => {
      await closeCurrent();
      return adopt(await createCatalog(catalogPathFor(options.workspaceDir, fileName), department));
    },
    'catalog.open': async ({ path }) => {
      if (open && open.file.path === path) return info(open);
      const file = await CatalogFile.open(path, { clock });
      await closeCurrent().catch((error) => {
        file.close();
        throw error;
      });
      return adopt(file);
    },
    'catalog.openSample': async () => {
      const path = catalogPathFor(options.workspaceDir, SAMPLE_CATALOG_NAME);
      const jobId = jobs.start('Opening the sample catalog', async (control) => {
        let file: CatalogFile;
        try {
          file = await CatalogFile.open(path, { clock });
          control.progress(0.9, 'Opening the sample catalog you used before');
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'file-not-found') throw error;
          control.progress(0.01, 'Building the sample catalog');
          file = await createCatalog(path, { name: 'Sample department', code: '', address: '', contactName: '', contactPhone: '', contactEmail: '', fiscalYearStartMonth: 7 }, (context) =>
            fillSampleCatalog(context, control, options.sampleBoxes),
          );
        }
        await closeCurrent();
        await adopt(file);
      });
      return { jobId };
    },
    'catalog.close': async () => {
      const wasOpen = open !== null;
      await closeCurrent();
      return { closed: wasOpen };
    },
    'catalog.save': async () => {
      requireOpen();
      save.dirty = true;
      await saveNow();
      if (save.error && save.error.code !== 'internal') throw new AppError(save.error.code, save.error.message);
      return { ...save };
    },
    'catalog.reload': async () => {
      const catalog = requireOpen();
      if (autosaveTimer) clearTimeout(autosaveTimer);
      await catalog.file.reload();
      return adopt(catalog.file);
    },
    'catalog.saveAs': async ({ fileName }) => {
      const catalog = requireOpen();
      if (autosaveTimer) clearTimeout(autosaveTimer);
      await catalog.file.saveAs(catalogPathFor(options.workspaceDir, fileName));
      catalog.savedVersion = catalog.context.version.value;
      Object.assign(save, { dirty: false, conflict: false, error: null, lastSavedAt: clock().toISOString() });
      if (options.rememberRecent !== false) await rememberRecent(options.workspaceDir, catalog.file.path, clock().toISOString());
      return info(catalog);
    },
    'history.undo': async () => {
      const catalog = requireOpen();
      const undone = catalog.context.history.undo();
      catalog.context.version.value += 1;
      return { undone };
    },
    'history.redo': async () => {
      const catalog = requireOpen();
      const redone = catalog.context.history.redo();
      catalog.context.version.value += 1;
      return { redone };
    },
    'jobs.get': async ({ id }) => jobs.get(id),
    'jobs.cancel': async ({ id }) => jobs.cancel(id),
  };

  const featureContext: HandlerContext = {
    current: () => requireOpen().context,
    jobs,
    workspaceDir: options.workspaceDir,
    clock,
    actor,
    appVersion: options.appVersion,
  };
  const handlers = {
    ...catalogHandlers(featureContext.current),
    ...transferHandlers(featureContext),
    ...importHandlers(featureContext),
    ...sessionHandlers,
  } satisfies ApiHandlers;

  // Every handler notes changes afterwards, so autosave follows any call that changed the catalog.
  const tracked = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      async (input: never) => {
        try {
          return await (handler as (value: never) => unknown)(input);
        } finally {
          noteChanges();
        }
      },
    ]),
  ) as unknown as ApiHandlers;

  return {
    handlers: tracked,
    dispatch: createDispatcher(tracked, options.onError),
    flush: saveNow,
    current: () => open?.context ?? null,
    async close() {
      await jobs.waitAll();
      if (open) {
        await saveNow();
        open.file.close();
        open = null;
      }
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'user';
  } catch {
    return 'user';
  }
}
