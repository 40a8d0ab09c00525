// The workspace folder: where new catalogs are created, and the short list of recently opened ones.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { readRegularFile } from '../storage/regular-file';
import { basename, join } from 'node:path';
import type { RecentCatalog } from '../../shared/api/contract';
import { CATALOG_EXTENSION, catalogStem } from '../../shared/domain/words';

const RECENT_FILE = 'recent-catalogs.json';
const KEEP_RECENT = 10;

export function catalogPathFor(workspaceDir: string, fileName: string): string {
  const name = fileName.endsWith(CATALOG_EXTENSION) ? fileName : `${fileName}${CATALOG_EXTENSION}`;
  return join(workspaceDir, name);
}

export function catalogDisplayName(path: string): string {
  return catalogStem(basename(path));
}

export async function ensureWorkspace(workspaceDir: string): Promise<void> {
  await mkdir(workspaceDir, { recursive: true });
}

export async function readRecent(workspaceDir: string): Promise<RecentCatalog[]> {
  try {
    const parsed = JSON.parse((await readRegularFile(join(workspaceDir, RECENT_FILE), { maxBytes: 1024 * 1024 })).toString('utf8')) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((entry): entry is RecentCatalog => typeof entry?.path === 'string' && typeof entry?.openedAt === 'string')
      .map((entry) => ({ path: entry.path, fileName: catalogDisplayName(entry.path), openedAt: entry.openedAt }))
      .slice(0, KEEP_RECENT);
  } catch {
    // A missing or damaged list only costs the shortcuts; never block opening the app for it.
    return [];
  }
}

export async function rememberRecent(workspaceDir: string, path: string, openedAt: string): Promise<void> {
  const recent = (await readRecent(workspaceDir)).filter((entry) => entry.path !== path);
  recent.unshift({ path, fileName: catalogDisplayName(path), openedAt });
  const target = join(workspaceDir, RECENT_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(recent.slice(0, KEEP_RECENT), null, 2));
  await rename(temp, target);
}
