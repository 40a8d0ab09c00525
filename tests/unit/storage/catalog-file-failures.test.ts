// Failures in the middle of a save, injected into node:fs/promises: the catalog on disk must stay as it was and
// no temp file may be left behind.
import type { FileHandle } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatalogFile } from '../../../electron/storage/catalog-file';
import { addBox, boxLabels, rejection, tempFilesIn } from './fixtures/catalog-helpers';
import { useTempDir } from './fixtures/temp-dir';

const faults = vi.hoisted(() => ({
  renameError: null as string | null,
  writeError: null as string | null,
  renameDelayMs: 0,
  writesInFlight: 0,
  mostWritesAtOnce: 0,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  const isTemp = (path: unknown) => String(path).endsWith('.tmp');
  return {
    ...real,
    async open(path: Parameters<typeof real.open>[0], flags?: string | number, mode?: number) {
      const handle = await real.open(path, flags, mode);
      if (!isTemp(path) || flags !== 'wx') return handle;
      faults.writesInFlight += 1;
      faults.mostWritesAtOnce = Math.max(faults.mostWritesAtOnce, faults.writesInFlight);
      const write = (async (data: Uint8Array, offset = 0, length = data.length - offset, position?: number) => {
        if (!faults.writeError) return handle.write(data, offset, length, position);
        // A disk that fills up halfway through: part of the bytes reach the temp file.
        await handle.write(data, offset, Math.floor(length / 2), position);
        throw errno(faults.writeError);
      }) as FileHandle['write'];
      return Object.assign(Object.create(handle) as FileHandle, {
        write,
        sync: () => handle.sync(),
        close: () => handle.close(),
      });
    },
    async rename(from: string, to: string) {
      if (isTemp(from)) {
        if (faults.renameDelayMs) await new Promise((resolve) => setTimeout(resolve, faults.renameDelayMs));
        faults.writesInFlight -= 1;
        if (faults.renameError) throw errno(faults.renameError);
      }
      return real.rename(from, to);
    },
    // Create and save as commit with link() instead of rename().
    async link(from: string, to: string) {
      if (isTemp(from)) faults.writesInFlight -= 1;
      return real.link(from, to);
    },
  };
});

const tempDir = useTempDir();

afterEach(() => {
  Object.assign(faults, { renameError: null, writeError: null, renameDelayMs: 0, writesInFlight: 0, mostWritesAtOnce: 0 });
});

async function catalogWithOneSavedBox(): Promise<{ catalog: CatalogFile; path: string; savedBytes: Buffer }> {
  const path = join(tempDir(), 'records.transmittal');
  const catalog = await CatalogFile.create(path, { keepBackups: 0 });
  addBox(catalog, 'saved');
  await catalog.save();
  return { catalog, path, savedBytes: await readFile(path) };
}

describe('CatalogFile save failures', () => {
  it('leaves the old catalog and no temp file when the disk fills up mid-write', async () => {
    const { catalog, path, savedBytes } = await catalogWithOneSavedBox();
    addBox(catalog, 'unsaved');
    faults.writeError = 'ENOSPC';
    const error = await rejection(catalog.save());
    expect(error.message).toContain('the disk is full');
    expect(error.details?.file).toBe(path);
    expect(await readFile(path)).toEqual(savedBytes);
    expect(await tempFilesIn(tempDir())).toEqual([]);

    // The changes are still in memory and the next save works, without a false conflict.
    faults.writeError = null;
    expect(await catalog.hasExternalChange()).toBe(false);
    await catalog.save();
    await catalog.close();
    const reopened = await CatalogFile.open(path);
    expect(boxLabels(reopened)).toEqual(['saved', 'unsaved']);
    await reopened.close();
  });

  it('leaves the old catalog and no temp file when the rename fails', async () => {
    const { catalog, path, savedBytes } = await catalogWithOneSavedBox();
    addBox(catalog, 'unsaved');
    faults.renameError = 'EIO';
    await rejection(catalog.save());
    expect(await readFile(path)).toEqual(savedBytes);
    expect(await tempFilesIn(tempDir())).toEqual([]);
    await catalog.close();
  });

  it('never runs two saves at once', async () => {
    const { catalog } = await catalogWithOneSavedBox();
    faults.renameDelayMs = 30;
    const saves = [1, 2, 3, 4].map((index) => {
      addBox(catalog, `box ${index}`);
      return catalog.save();
    });
    await Promise.all(saves);
    expect(faults.mostWritesAtOnce).toBe(1);
    await catalog.close();
  });
});
