import { randomBytes } from 'node:crypto';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_EXTENSION, CatalogFile } from '../../../electron/storage/catalog-file';
import { Database } from '../../../electron/storage/database';
import { LATEST_SCHEMA_VERSION } from '../../../electron/storage/migrations';
import { addBox, boxLabels, rejection, tempFilesIn } from './fixtures/catalog-helpers';
import { useTempDir } from './fixtures/temp-dir';

const tempDir = useTempDir();
const catalogPath = (name = 'records') => join(tempDir(), `${name}${CATALOG_EXTENSION}`);

describe('CatalogFile create and open', () => {
  it('creates a migrated catalog on disk at once', async () => {
    const path = catalogPath();
    const catalog = await CatalogFile.create(path);
    expect(catalog.path).toBe(path);
    expect(catalog.db.userVersion).toBe(LATEST_SCHEMA_VERSION);
    await catalog.close();
    const reopened = await CatalogFile.open(path);
    expect(reopened.db.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(reopened.db.column<string>("SELECT name FROM sqlite_master WHERE name = 'folder'")).toEqual(['folder']);
    await reopened.close();
  });

  it('refuses to create over an existing file and leaves it alone', async () => {
    const path = catalogPath();
    await writeFile(path, 'precious');
    const error = await rejection(CatalogFile.create(path));
    expect(error.code).toBe('file-exists');
    expect(error.details?.file).toBe(path);
    expect(await readFile(path, 'utf8')).toBe('precious');
    expect(await tempFilesIn(tempDir())).toEqual([]);
  });

  it('reports a missing file as file-not-found', async () => {
    const error = await rejection(CatalogFile.open(catalogPath('nowhere')));
    expect(error.code).toBe('file-not-found');
    expect(error.message).toContain('nowhere.transmittal');
  });

  const damaged: Array<[string, Uint8Array]> = [
    ['random bytes', new Uint8Array(randomBytes(10_000))],
    ['a text file', new TextEncoder().encode('label,title\nBox 1,Permits\n')],
    ['an empty file', new Uint8Array(0)],
  ];
  it.each(damaged)('refuses %s as catalog-corrupt, naming the file', async (_label, bytes) => {
    const path = catalogPath('damaged');
    await writeFile(path, bytes);
    const error = await rejection(CatalogFile.open(path));
    expect(error.code).toBe('catalog-corrupt');
    expect(error.message).toContain(path);
    expect(error.details?.file).toBe(path);
  });

  it('refuses a catalog saved by a newer version', async () => {
    const path = catalogPath('newer');
    const catalog = await CatalogFile.create(path);
    catalog.db.userVersion = LATEST_SCHEMA_VERSION + 1;
    await catalog.save();
    await catalog.close();
    const error = await rejection(CatalogFile.open(path));
    expect(error.code).toBe('catalog-too-new');
  });

  it('removes every leftover temp file of that catalog once it holds the lock', async () => {
    const path = catalogPath();
    await (await CatalogFile.create(path)).close();
    const leftovers = ['.records.transmittal.4242.aaaaaaaaaaaa.tmp', '.records.transmittal.4243.bbbbbbbbbbbb.tmp'];
    for (const name of leftovers) await writeFile(join(tempDir(), name), randomBytes(100));
    await writeFile(join(tempDir(), '.other.transmittal.4243.cccccccccccc.tmp'), randomBytes(100));
    const catalog = await CatalogFile.open(path);
    expect(await tempFilesIn(tempDir())).toEqual(['.other.transmittal.4243.cccccccccccc.tmp']);
    await catalog.close();
  });

  it('without the lock, removes only temp files too old to belong to a save in progress', async () => {
    const path = catalogPath();
    await (await CatalogFile.create(path)).close();
    const stale = join(tempDir(), '.records.transmittal.4242.aaaaaaaaaaaa.tmp');
    const fresh = join(tempDir(), '.records.transmittal.4243.bbbbbbbbbbbb.tmp');
    await writeFile(stale, randomBytes(100));
    await writeFile(fresh, randomBytes(100));
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(stale, twoMinutesAgo, twoMinutesAgo);
    const catalog = await CatalogFile.open(path, { lock: false });
    expect(catalog.db.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await tempFilesIn(tempDir())).toEqual(['.records.transmittal.4243.bbbbbbbbbbbb.tmp']);
    await catalog.close();
  });
});

describe('CatalogFile save', () => {
  it('round-trips through save and open, leaving no temp files', async () => {
    const path = catalogPath();
    const catalog = await CatalogFile.create(path, { clock: () => new Date('2024-03-04T05:06:07Z') });
    addBox(catalog, 'PLN-001');
    addBox(catalog, 'PLN-002');
    const result = await catalog.save();
    expect(result.savedAt).toBe('2024-03-04T05:06:07.000Z');
    expect(result.bytes).toBe((await stat(path)).size);
    expect(await tempFilesIn(tempDir())).toEqual([]);
    await catalog.close();

    const reopened = await CatalogFile.open(path);
    expect(boxLabels(reopened)).toEqual(['PLN-001', 'PLN-002']);
    expect(reopened.db.column<string>('PRAGMA integrity_check')).toEqual(['ok']);
    await reopened.close();
  });

  it('completes saves started together, the file ending with the last state', async () => {
    const path = catalogPath();
    const catalog = await CatalogFile.create(path, { backupIntervalMs: 0 });
    const saves = [];
    for (let index = 1; index <= 8; index += 1) {
      addBox(catalog, `BOX-${index}`);
      saves.push(catalog.save());
    }
    const results = await Promise.all(saves);
    expect(results).toHaveLength(8);
    await catalog.close();
    const reopened = await CatalogFile.open(path);
    expect(boxLabels(reopened)).toHaveLength(8);
    await reopened.close();
  });

  it('refuses to work after close', async () => {
    const catalog = await CatalogFile.create(catalogPath());
    await catalog.close();
    expect((await rejection(catalog.save())).code).toBe('no-catalog-open');
    expect(() => catalog.db).toThrow(/closed/);
  });
});

describe('CatalogFile saveAs', () => {
  it('writes a new file that becomes the catalog’s file', async () => {
    const original = catalogPath('original');
    const copy = catalogPath('copy');
    const catalog = await CatalogFile.create(original);
    addBox(catalog, 'A');
    await catalog.saveAs(copy);
    expect(catalog.path).toBe(copy);
    addBox(catalog, 'B');
    await catalog.save();
    await catalog.close();

    const fromCopy = await CatalogFile.open(copy);
    expect(boxLabels(fromCopy)).toEqual(['A', 'B']);
    await fromCopy.close();
    const fromOriginal = await CatalogFile.open(original);
    expect(boxLabels(fromOriginal)).toEqual([]);
    await fromOriginal.close();
  });

  it('never overwrites an existing file', async () => {
    const path = catalogPath();
    const other = join(tempDir(), 'taken.transmittal');
    await writeFile(other, 'someone else’s file');
    const catalog = await CatalogFile.create(path);
    const error = await rejection(catalog.saveAs(other));
    expect(error.code).toBe('file-exists');
    expect(await readFile(other, 'utf8')).toBe('someone else’s file');
    expect(catalog.path).toBe(path);
    expect(await tempFilesIn(tempDir())).toEqual([]);
    await catalog.close();
  });

  it('reports a missing folder', async () => {
    const catalog = await CatalogFile.create(catalogPath());
    const error = await rejection(catalog.saveAs(join(tempDir(), 'no such folder', 'x.transmittal')));
    expect(error.code).toBe('file-not-found');
    await catalog.close();
  });
});

describe('CatalogFile conflicts', () => {
  it('refuses to overwrite another window’s save until reloaded', async () => {
    const path = catalogPath();
    await (await CatalogFile.create(path)).close();
    // Two programs that take no lock (an older Transmittal, or another machine after its lock was judged stale):
    // the file's own fingerprint still keeps one from overwriting the other.
    const windowA = await CatalogFile.open(path, { lock: false });
    const windowB = await CatalogFile.open(path, { lock: false });
    addBox(windowA, 'from A');
    await windowA.save();
    addBox(windowB, 'from B');
    expect(await windowB.hasExternalChange()).toBe(true);
    expect(await windowA.hasExternalChange()).toBe(false);

    const error = await rejection(windowB.save());
    expect(error.code).toBe('catalog-conflict');
    expect(error.details?.file).toBe(path);
    expect(error.message).toMatch(/^The catalog file was changed by another program or another Transmittal window/);
    expect(boxLabels(windowB)).toEqual(['from B']);

    await windowB.reload();
    expect(boxLabels(windowB)).toEqual(['from A']);
    expect(await windowB.hasExternalChange()).toBe(false);
    addBox(windowB, 'B after reload');
    await windowB.save();
    // Now A is the one behind.
    expect((await rejection(windowA.save())).code).toBe('catalog-conflict');
    await windowA.close();
    await windowB.close();

    const final = await CatalogFile.open(path);
    expect(boxLabels(final)).toEqual(['from A', 'B after reload']);
    await final.close();
  });

  it('can save the conflicting changes under a new name instead', async () => {
    const path = catalogPath();
    await (await CatalogFile.create(path)).close();
    // Two programs that take no lock (an older Transmittal, or another machine after its lock was judged stale):
    // the file's own fingerprint still keeps one from overwriting the other.
    const windowA = await CatalogFile.open(path, { lock: false });
    const windowB = await CatalogFile.open(path, { lock: false });
    addBox(windowA, 'from A');
    await windowA.save();
    addBox(windowB, 'from B');
    await rejection(windowB.save());
    await windowB.saveAs(catalogPath('mine'));
    addBox(windowB, 'more');
    await windowB.save();
    expect(boxLabels(windowB)).toEqual(['from B', 'more']);
    await windowA.close();
    await windowB.close();
  });

  it('does not count a touched but unchanged file as a change', async () => {
    const path = catalogPath();
    const catalog = await CatalogFile.create(path);
    const later = new Date(Date.now() + 5_000);
    await utimes(path, later, later);
    expect(await catalog.hasExternalChange()).toBe(false);
    addBox(catalog, 'A');
    await catalog.save();
    await catalog.close();
  });

  it('detects a same-size rewrite by another program', async () => {
    const path = catalogPath();
    const catalog = await CatalogFile.create(path);
    const bytes = await readFile(path);
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(path, bytes);
    expect(await catalog.hasExternalChange()).toBe(true);
    expect((await rejection(catalog.save())).code).toBe('catalog-conflict');
    await catalog.close();
  });

  it('recreates a file deleted since it was opened', async () => {
    const path = catalogPath();
    const catalog = await CatalogFile.create(path);
    await rm(path);
    expect(await catalog.hasExternalChange()).toBe(false);
    addBox(catalog, 'survivor');
    await catalog.save();
    await catalog.close();
    const reopened = await CatalogFile.open(path);
    expect(boxLabels(reopened)).toEqual(['survivor']);
    await reopened.close();
  });

  it('reload of a file replaced by garbage keeps the catalog as it was', async () => {
    const path = catalogPath();
    const catalog = await CatalogFile.create(path);
    addBox(catalog, 'kept');
    await writeFile(path, randomBytes(5000));
    expect((await rejection(catalog.reload())).code).toBe('catalog-corrupt');
    expect(boxLabels(catalog)).toEqual(['kept']);
    await catalog.close();
  });
});

describe('CatalogFile and older schemas', () => {
  it('migrates an older file in memory and backs it up before the first save overwrites it', async () => {
    const path = catalogPath('old');
    const versionZero = await Database.fromBytes();
    const oldBytes = versionZero.export();
    await writeFile(path, oldBytes);
    const catalog = await CatalogFile.open(path, { clock: () => new Date('2024-01-02T03:04:05Z') });
    expect(catalog.db.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await readFile(path)).toEqual(Buffer.from(oldBytes));

    const result = await catalog.save();
    expect(result.backupPath).toBe(join(tempDir(), 'old.transmittal backups', 'old 2024-01-02 030405 schema 0.transmittal'));
    expect(await readFile(result.backupPath!)).toEqual(Buffer.from(oldBytes));
    await catalog.close();
  });
});
