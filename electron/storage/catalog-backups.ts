// Rolling backups of a catalog, taken just before a save overwrites it: "<name> backups/<stem> YYYY-MM-DD HHmmss
// .transmittal" (UTC, so names sort by age), at most one per interval, only the newest few kept.
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { removeStaleTempFiles, syncDirectory, tempPathFor } from './file-system';
import { CATALOG_EXTENSION } from '../../shared/domain/words';

export interface BackupSettings {
  clock: () => Date;
  keepBackups: number;
  intervalMs: number;
}

export interface BackupOutcome {
  backupPath?: string;
  backupError?: string;
}

export interface BackupFile {
  path: string;
  takenAt: Date;
}

const BACKUP_EXTENSION = CATALOG_EXTENSION;
// Older than this, a temp file cannot belong to a copy still running: a killed process left it.
const STALE_TEMP_AGE_MS = 60 * 1000;
const STAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2})(\d{2})(\d{2})$/;

export function backupFolderFor(catalogPath: string): string {
  return join(dirname(catalogPath), `${basename(catalogPath)} backups`);
}

function stemOf(catalogPath: string): string {
  const name = basename(catalogPath);
  const extension = extname(name);
  return extension ? name.slice(0, -extension.length) : name;
}

function stampOf(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** The rotated backups of a catalog, oldest first. Pre-upgrade copies are not part of the rotation. */
export async function listBackups(catalogPath: string): Promise<BackupFile[]> {
  const folder = backupFolderFor(catalogPath);
  const prefix = `${stemOf(catalogPath)} `;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(BACKUP_EXTENSION)) continue;
    const match = STAMP.exec(name.slice(prefix.length, -BACKUP_EXTENSION.length));
    if (!match) continue;
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
    backups.push({ path: join(folder, name), takenAt: new Date(Date.UTC(year, month - 1, day, hour, minute, second)) });
  }
  return backups.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

// Through a temp file and fsync, so a crash never leaves a truncated file that looks like a good backup.
async function copyDurably(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const temp = tempPathFor(to);
  try {
    await copyFile(from, temp, constants.COPYFILE_EXCL);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, to);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(to));
}

/**
 * Copies the file about to be overwritten into the backups folder when the newest backup is older than the
 * interval. A catalog just upgraded from an older schema always gets a copy, kept out of the rotation: it is the
 * last one the older Transmittal can open. Never throws: a failed backup must not stop the save.
 */
export async function takeBackup(catalogPath: string, settings: BackupSettings, migratedFrom: number | null): Promise<BackupOutcome> {
  if (settings.keepBackups === 0 && migratedFrom === null) return {};
  try {
    const now = settings.clock();
    const folder = backupFolderFor(catalogPath);
    const stem = stemOf(catalogPath);
    if (migratedFrom !== null) {
      const target = join(folder, `${stem} ${stampOf(now)} schema ${migratedFrom}${BACKUP_EXTENSION}`);
      await copyDurably(catalogPath, target);
      return { backupPath: target };
    }
    const existing = await listBackups(catalogPath);
    const newest = existing[existing.length - 1];
    const age = newest ? now.getTime() - newest.takenAt.getTime() : Number.POSITIVE_INFINITY;
    // A newest backup "in the future" means the clock was set back: take one rather than wait for it to catch up.
    if (age >= 0 && age < settings.intervalMs) return {};
    const target = join(folder, `${stem} ${stampOf(now)}${BACKUP_EXTENSION}`);
    await copyDurably(catalogPath, target);
    const backups = await listBackups(catalogPath);
    for (const old of backups.slice(0, Math.max(0, backups.length - settings.keepBackups))) {
      await unlink(old.path).catch(() => undefined);
    }
    await removeStaleTempFiles(folder, `${stem} `, STALE_TEMP_AGE_MS);
    return { backupPath: target };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { backupError: `The save worked, but no backup could be made of the previous version: ${reason}` };
  }
}
