// Each CLI command opens the catalog through the same session and dispatch the app uses (so the same validation,
// transactions and history apply), does its calls, then closes the session, which saves.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { ApiInput, ApiMethod, ApiResult, CatalogInfo, Role } from '../../shared/api/contract';
import type { Dispatch } from '../session/dispatch';
import { appVersion, currentActor } from './app-identity';
import { CliError } from './cli-errors';
import { toErrorShape } from '../../shared/domain/errors';
import { CATALOG_EXTENSION } from '../../shared/domain/words';

export { CATALOG_EXTENSION };

/** What the CLI needs from a session; the real one comes from electron/session/session.ts. */
export interface CliSession {
  dispatch: Dispatch;
  /** Saves and closes; throws when the changes could not be saved (unless told to discard them). */
  close(options?: { discard?: boolean }): Promise<void>;
}

export type OpenSession = (options: { workspaceDir: string; actor: string; appVersion: string; program: string }) => Promise<CliSession>;

/** A typed call: answers the result or throws the catalog's error as a CliError (exit code 1). */
export type Call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResult<M>>;

/** "records/permits" → "/abs/records/permits.transmittal"; the extension is added when missing. */
export function resolveCatalogPath(catalog: string): string {
  const absolute = resolve(catalog);
  return absolute.endsWith(CATALOG_EXTENSION) ? absolute : `${absolute}${CATALOG_EXTENSION}`;
}

export function catalogFileName(catalogPath: string): string {
  return basename(catalogPath).slice(0, -CATALOG_EXTENSION.length);
}

function callerOf(dispatch: Dispatch): Call {
  return async (method, input) => {
    const answer = await dispatch(method, input);
    if (!answer.ok) throw new CliError('domain', answer.error);
    return answer.value as ApiResult<typeof method>;
  };
}

async function runThenClose<T>(session: CliSession, path: string, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // The failed call changed nothing (one transaction per change); close anyway so nothing is left locked or running.
    await session.close({ discard: true }).catch(() => {});
    throw error;
  }
  try {
    await session.close();
  } catch (error) {
    // Nothing reached the disk: say so, and never let the caller print that the change was made.
    await session.close({ discard: true }).catch(() => {});
    throw couldNotSave(path, error);
  }
  return result;
}

function couldNotSave(path: string, error: unknown): CliError {
  const shape = toErrorShape(error);
  const reason = typeof shape.details?.reason === 'string' ? shape.details.reason : shape.message;
  return new CliError('domain', {
    code: 'save-failed',
    message: `could not save ${path}: ${reason.replace(/\.$/, '')}; nothing was changed`,
    details: { file: path, cause: shape.code },
  });
}

/** Runs calls that need no catalog (verifying a package) through the same session and dispatch as the rest. */
export async function withSession<T>({ openSession, workspaceDir, work }: { openSession: OpenSession; workspaceDir: string; work: (call: Call) => Promise<T> }): Promise<T> {
  const session = await openSession({ workspaceDir, actor: currentActor(), appVersion: appVersion(), program: PROGRAM });
  try {
    return await work(callerOf(session.dispatch));
  } finally {
    await session.close({ discard: true });
  }
}

export interface CatalogTask<T> {
  openSession: OpenSession;
  catalog: string;
  work: (call: Call, info: CatalogInfo) => Promise<T>;
  /** Only looks: works while another program has the catalog open, and can change nothing. */
  readOnly?: boolean;
}

const PROGRAM = 'the command line';

/** Opens an existing catalog, runs the work, saves. */
export async function withCatalog<T>({ openSession, catalog, work, readOnly }: CatalogTask<T>): Promise<T> {
  const path = resolveCatalogPath(catalog);
  if (!existsSync(path)) {
    throw new CliError('domain', {
      code: 'file-not-found',
      message: `there is no catalog at ${path}. Create one with: transmittal init "${catalog}" --department "Your department"`,
      details: { file: path },
    });
  }
  const session = await openSession({ workspaceDir: dirname(path), actor: currentActor(), appVersion: appVersion(), program: PROGRAM });
  const call = callerOf(session.dispatch);
  return runThenClose(session, path, async () => {
    const info = await call('catalog.open', readOnly ? { path, readOnly } : { path });
    return work(call, info);
  });
}

/** Creates a new catalog for a department, runs the work, saves. Refuses to replace an existing file. */
export async function withNewCatalog<T>({
  openSession,
  catalog,
  work,
  department,
  role = 'department',
}: CatalogTask<T> & { department: string; role?: Role }): Promise<T> {
  const path = resolveCatalogPath(catalog);
  if (existsSync(path)) {
    throw new CliError('domain', {
      code: 'file-exists',
      message: `a catalog already exists at ${path}; choose another name or work with that one`,
      details: { file: path },
    });
  }
  await mkdir(dirname(path), { recursive: true });
  const session = await openSession({ workspaceDir: dirname(path), actor: currentActor(), appVersion: appVersion(), program: PROGRAM });
  const call = callerOf(session.dispatch);
  return runThenClose(session, path, async () =>
    work(call, await call('catalog.create', { fileName: catalogFileName(path), department: { name: department }, role })),
  );
}
