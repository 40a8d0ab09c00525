// A session: one open catalog (or none), its autosave, undo, and background jobs, behind the API contract. The
// desktop app, the web shell and the CLI each create one; nothing here knows which transport calls it.
import { copyFile, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { apiContract, type ApiHandlers, type ApiMethod, type AppStatus, type CatalogInfo, type Role, type SaveState } from '../../shared/api/contract';
import { AppError, toErrorShape } from '../../shared/domain/errors';
import type { Department } from '../../shared/domain/types';
import { catalogContext, readMeta, writeMeta } from '../catalog/open-catalog';
import type { CatalogContext } from '../catalog/context';
import { setDepartment, getDepartment } from '../catalog/profile-store';
import { fillSampleCatalog } from '../catalog/sample-catalog';
import { CatalogFile } from '../storage/catalog-file';
import { describeHolder } from '../storage/catalog-lock';
import { isCorruptDatabaseError } from '../storage/migrate';
import type { FileSystem } from '../storage/regular-file';
import { LATEST_SCHEMA_VERSION } from '../storage/migrations';
import { CATALOG_EXTENSION, catalogStem } from '../../shared/domain/words';
import { currentActor } from '../runtime/actor';
import { listBackups } from '../storage/catalog-backups';
import { createDispatcher, type Dispatch } from './dispatch';
import { catalogHandlers } from '../catalog/catalog-handlers';
import { FileExchange } from '../runtime/file-exchange';
import { Jobs } from '../runtime/jobs';
import type { HandlerContext } from '../runtime/handler-context';
import { transferHandlers } from '../transfer/transfer-handlers';
import { importHandlers } from '../import/import-handlers';
import { exchangeHandlers } from '../exchange/exchange-handlers';
import { centerHandlers } from '../center/center-handlers';
import { centerRequestHandlers } from '../center/requests/request-handlers';
import { retrievalHandlers } from '../retrieval/retrieval-handlers';
import { dispositionHandlers } from '../disposition/disposition-handlers';
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
  /** How other programs name this one when it has a catalog open ("the web shell"). */
  program?: string;
  /** The file system catalogs are read and saved through (a failing fake in tests). */
  fileSystem?: FileSystem;
  /** After a failed autosave, when to try again (the disk may have been freed meanwhile). */
  retrySaveAfterMs?: number;
}

export interface Session {
  dispatch: Dispatch;
  handlers: ApiHandlers;
  /** Saves pending changes now; throws when they could not be saved. */
  flush(): Promise<void>;
  /**
   * Waits for jobs, saves pending changes and closes the catalog. Throws `unsaved-changes` (and keeps the catalog
   * open) when they cannot be saved, unless `discard` says to drop them.
   */
  close(options?: { discard?: boolean }): Promise<void>;
  /** True while changes are waiting to be saved (or could not be). */
  hasUnsavedChanges(): boolean;
  /** The open catalog's context, for in-process tools (benchmarks, tests). */
  current(): CatalogContext | null;
  /** Uploads received and downloads offered (the web shell and the desktop window serve them). */
  files: FileExchange;
}

interface OpenCatalog {
  file: CatalogFile;
  context: CatalogContext;
  savedVersion: number;
  notice: string | null;
}

export const SAMPLE_CATALOG_NAME = 'Sample catalog';

export async function createSession(options: SessionOptions): Promise<Session> {
  const clock = options.clock ?? (() => new Date());
  const actor = options.actor ?? currentActor();
  const autosaveDelayMs = options.autosaveDelayMs ?? 800;
  const program = options.program ?? 'Transmittal';
  const jobs = new Jobs((error) => explainStorageError(error));
  const files = new FileExchange();
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
      role: roleOf(catalog),
      readOnly: catalog.file.readOnlyReason,
      notice: catalog.notice,
    };
  }

  const hasUnsavedChanges = (): boolean => open !== null && (save.dirty || open.context.version.value !== open.savedVersion);

  /** Saves pending changes. Throws when they could not be saved; the failure stays on show until a save succeeds. */
  async function saveNow(): Promise<void> {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = null;
    const catalog = open;
    if (!catalog || catalog.file.readOnly) return;
    const version = catalog.context.version.value;
    if (version === catalog.savedVersion && !save.dirty) return;
    save.saving = true;
    try {
      const result = await catalog.file.save();
      catalog.savedVersion = version;
      save.lastSavedAt = result.savedAt;
      save.conflict = false;
      save.error = result.backupError
        ? { code: 'internal', message: `Saved, but the automatic backup failed: ${result.backupError}` }
        : null;
      save.dirty = catalog.context.version.value !== version;
    } catch (error) {
      const shape = toErrorShape(error);
      save.error = shape;
      save.dirty = true;
      if (shape.code === 'catalog-conflict') save.conflict = true;
      else if (!(error instanceof AppError)) options.onError?.(error);
      throw error instanceof AppError ? error : new AppError(shape.code, shape.message, shape.details);
    } finally {
      save.saving = false;
    }
    if (save.dirty) scheduleSave();
  }

  /** Autosave: a failure is recorded in the save state (the status bar shows it) and tried again a little later. */
  function autosave(): void {
    saveNow().catch(() => {
      if (open && !save.conflict && !autosaveTimer) {
        autosaveTimer = setTimeout(autosave, options.retrySaveAfterMs ?? 15_000);
        autosaveTimer.unref?.();
      }
    });
  }

  function scheduleSave(): void {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(autosave, autosaveDelayMs);
  }

  /** After every call: anything changed is marked unsaved and saved shortly. */
  function noteChanges(): void {
    if (open && open.context.version.value !== open.savedVersion) {
      save.dirty = true;
      if (!save.conflict) scheduleSave();
    }
  }

  function unsavedChangesError(cause: unknown): AppError {
    const shape = toErrorShape(cause);
    const reason = typeof shape.details?.reason === 'string' ? shape.details.reason : shape.message;
    return new AppError(
      'unsaved-changes',
      `The latest changes to this catalog could not be saved (${reason.replace(/\.$/, '')}). They are still open here: ` +
        'try again, save them under a new name, or close without saving to lose them.',
      { ...shape.details, cause: shape.code },
    );
  }

  async function closeCurrent(closing: { discard?: boolean } = {}): Promise<void> {
    if (!open) return;
    if (!closing.discard) {
      try {
        await saveNow();
      } catch (error) {
        throw unsavedChangesError(error);
      }
      if (save.conflict && hasUnsavedChanges()) throw unsavedChangesError(new AppError('catalog-conflict', 'another program changed the file'));
    }
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = null;
    const closingFile = open.file;
    open = null;
    Object.assign(save, { dirty: false, saving: false, lastSavedAt: null, conflict: false, error: null });
    await closingFile.close();
  }

  function fileOptions(readOnly = false) {
    return { clock, program, fs: options.fileSystem, readOnly };
  }

  async function adopt(file: CatalogFile): Promise<CatalogInfo> {
    const context = catalogContext(file.db, actor, clock);
    const replaced = file.replacedLock;
    const notice = replaced
      ? `${describeHolder(replaced)} stopped without closing this catalog. Transmittal has taken it over; anything not saved there was lost there, not here.`
      : null;
    open = { file, context, savedVersion: 0, notice };
    Object.assign(save, { dirty: false, saving: false, lastSavedAt: null, conflict: false, error: null });
    if (options.rememberRecent !== false) await rememberRecent(options.workspaceDir, file.path, clock().toISOString());
    return info(open);
  }

  async function createCatalog(path: string, department: Department, fill?: (context: CatalogContext) => Promise<void>, role: Role = 'department'): Promise<CatalogFile> {
    const file = await CatalogFile.create(path, fileOptions(), (db) => {
      writeMeta(db, 'role', role);
      writeMeta(db, 'created_at', clock().toISOString());
      writeMeta(db, 'created_by_version', options.appVersion);
      setDepartment(catalogContext(db, actor, clock), department);
    });
    try {
      if (fill) {
        await fill(catalogContext(file.db, actor, clock));
        await file.save();
      }
      return file;
    } catch (error) {
      await file.close();
      await rm(path, { force: true });
      throw error;
    }
  }

  const sessionHandlers: Pick<ApiHandlers, 'app.status' | `catalog.${'create' | 'open' | 'openBackup' | 'openSample' | 'close' | 'save' | 'reload' | 'saveAs'}` | 'history.undo' | 'history.redo' | 'jobs.get' | 'jobs.cancel'> = {
    'app.status': async (): Promise<AppStatus> => ({
      version: options.appVersion,
      workspaceDir: options.workspaceDir,
      catalog: open ? info(open) : null,
      recentCatalogs: await readRecent(options.workspaceDir),
      save: { ...save },
      undoLabel: open?.context.history.undoLabel ?? null,
      redoLabel: open?.context.history.redoLabel ?? null,
    }),
    'catalog.create': async ({ fileName, department, role }) => {
      await closeCurrent();
      return adopt(await createCatalog(catalogPathFor(options.workspaceDir, fileName), department, undefined, role));
    },
    'catalog.open': async ({ path, readOnly }) => {
      if (open && open.file.path === path && (readOnly ?? false) === open.file.readOnly) return info(open);
      // Close (and save) the current catalog first: reopening the same file must find its lock released.
      await closeCurrent();
      return adopt(await CatalogFile.open(path, fileOptions(readOnly)));
    },
    'catalog.openBackup': async ({ path }) => {
      const backup = (await listBackups(path)).at(-1);
      if (!backup) throw new AppError('not-found', `“${basename(path)}” has no backups to open.`, { file: path });
      await closeCurrent();
      const stamp = backup.takenAt.toISOString().slice(0, 16).replace('T', ' ').replace(':', '');
      const stem = catalogStem(basename(path));
      let copy = join(dirname(path), `${stem} (backup of ${stamp})${CATALOG_EXTENSION}`);
      for (let attempt = 2; ; attempt += 1) {
        try {
          await copyFile(backup.path, copy, constants.COPYFILE_EXCL);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 50) throw error;
          copy = join(dirname(path), `${stem} (backup of ${stamp}) ${attempt}${CATALOG_EXTENSION}`);
        }
      }
      return adopt(await CatalogFile.open(copy, fileOptions()));
    },
    'catalog.openSample': async () => {
      const path = catalogPathFor(options.workspaceDir, SAMPLE_CATALOG_NAME);
      const jobId = jobs.start('Opening the sample catalog', async (control) => {
        let file: CatalogFile;
        try {
          file = await CatalogFile.open(path, fileOptions());
          control.progress(0.9, 'Opening the sample catalog you used before');
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'file-not-found') throw error;
          control.progress(0.01, 'Building the sample catalog');
          file = await createCatalog(path, { name: 'Sample department', code: '', address: '', contactName: '', contactPhone: '', contactEmail: '', officialName: '', officialTitle: '', fiscalYearStartMonth: 7 }, (context) =>
            fillSampleCatalog(context, control, options.sampleBoxes),
          );
        }
        try {
          await closeCurrent();
        } catch (error) {
          await file.close();
          throw error;
        }
        await adopt(file);
      });
      return { jobId };
    },
    'catalog.close': async ({ discard }) => {
      const wasOpen = open !== null;
      await closeCurrent({ discard });
      return { closed: wasOpen };
    },
    'catalog.save': async () => {
      const catalog = requireOpen();
      if (catalog.file.readOnly) {
        throw new AppError('catalog-read-only', `This catalog is open read-only (${catalog.file.readOnlyReason}): there is nothing to save. Use Save as to keep a copy you can change.`);
      }
      save.dirty = true;
      await saveNow();
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
      try {
        await catalog.file.saveAs(catalogPathFor(options.workspaceDir, fileName));
      } catch (error) {
        if (hasUnsavedChanges()) scheduleSave();
        throw error;
      }
      catalog.savedVersion = catalog.context.version.value;
      Object.assign(save, { dirty: false, conflict: false, error: null, lastSavedAt: clock().toISOString() });
      if (options.rememberRecent !== false) await rememberRecent(options.workspaceDir, catalog.file.path, clock().toISOString());
      return info(catalog);
    },
    'history.undo': async () => {
      const catalog = requireOpen();
      const undone = catalog.context.history.undo();
      return { undone };
    },
    'history.redo': async () => {
      const catalog = requireOpen();
      const redone = catalog.context.history.redo();
      return { redone };
    },
    'jobs.get': async ({ id }) => jobs.get(id),
    'jobs.cancel': async ({ id }) => jobs.cancel(id),
  };

  const featureContext: HandlerContext = {
    current: () => requireOpen().context,
    jobs,
    files,
    workspaceDir: options.workspaceDir,
    clock,
    actor,
    appVersion: options.appVersion,
  };
  const handlers = {
    ...catalogHandlers(featureContext.current),
    ...transferHandlers(featureContext),
    ...importHandlers(featureContext),
    ...exchangeHandlers(files),
    ...centerHandlers(featureContext),
    ...retrievalHandlers(featureContext),
    ...centerRequestHandlers(featureContext),
    ...dispositionHandlers(featureContext),
    ...sessionHandlers,
  } satisfies ApiHandlers;

  // Every handler notes changes afterwards, so autosave follows any call that changed the catalog; a call the open
  // catalog's role does not offer is refused before it runs.
  const tracked = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      async (input: never) => {
        if (open) assertRoleOffers(method as ApiMethod, roleOf(open));
        try {
          return await (handler as (value: never) => unknown)(input);
        } catch (error) {
          throw explainStorageError(error);
        } finally {
          noteChanges();
        }
      },
    ]),
  ) as unknown as ApiHandlers;

  function roleOf(catalog: OpenCatalog): Role {
    return readMeta(catalog.context.db, 'role') === 'records-center' ? 'records-center' : 'department';
  }

  /** SQLite's own words for a refused write or a damaged page, said as what they mean for this catalog. */
  function explainStorageError(error: unknown): unknown {
    if (error instanceof AppError || !(error instanceof Error)) return error;
    if (open?.file.readOnly && /readonly database|query_only/i.test(error.message)) {
      return new AppError('catalog-read-only', `This catalog is open read-only (${open.file.readOnlyReason}): nothing in it can be changed. Use Save as to make a copy you can change.`, {
        file: open.file.path,
      });
    }
    if (isCorruptDatabaseError(error)) {
      return new AppError(
        'catalog-corrupt',
        `This catalog's file is damaged: part of it cannot be read. Close it and open its newest backup; the damaged file is left as it is.`,
        open ? { file: open.file.path } : undefined,
      );
    }
    return error;
  }

  return {
    handlers: tracked,
    dispatch: createDispatcher(tracked, options.onError),
    flush: saveNow,
    current: () => open?.context ?? null,
    hasUnsavedChanges,
    files,
    async close(closing = {}) {
      await jobs.waitAll();
      await closeCurrent(closing);
      await files.dispose();
    },
  };
}

const ROLE_NAMES: Record<Role, string> = { department: 'a department’s catalog', 'records-center': 'a records center’s holdings catalog' };

/** Each role is offered only its own calls: a records center's catalog has no transfers to send, and so on. */
function assertRoleOffers(method: ApiMethod, role: Role): void {
  const roles: readonly Role[] = apiContract[method].roles;
  if (roles.includes(role)) return;
  throw new AppError('forbidden', `This is ${ROLE_NAMES[role]}: “${method}” is for ${roles.map((each) => ROLE_NAMES[each]).join(' or ')}. Nothing was changed.`, {
    method,
    role,
  });
}
