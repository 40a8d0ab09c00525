import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/storage/catalog-backups';
import { CatalogFile } from '../../../electron/storage/catalog-file';
import { addBox, boxLabels } from './fixtures/catalog-helpers';
import { useTempDir } from './fixtures/temp-dir';

const tempDir = useTempDir();
const MINUTE = 60_000;

function fakeClock(start: string) {
  let now = new Date(start).getTime();
  return {
    clock: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

async function backupNames(path: string): Promise<string[]> {
  return (await readdir(`${path} backups`)).sort();
}

describe('rolling backups', () => {
  it('backs up the previous file at most once per interval and keeps only the newest', async () => {
    const path = join(tempDir(), 'Planning.transmittal');
    const time = fakeClock('2024-06-01T08:00:00Z');
    const catalog = await CatalogFile.create(path, { clock: time.clock, keepBackups: 3, backupIntervalMs: 10 * MINUTE });

    addBox(catalog, 'box 1');
    const first = await catalog.save();
    expect(first.backupPath).toBe(join(`${path} backups`, 'Planning 2024-06-01 080000.transmittal'));

    time.advance(MINUTE);
    addBox(catalog, 'box 2');
    expect((await catalog.save()).backupPath).toBeUndefined();
    expect(await backupNames(path)).toEqual(['Planning 2024-06-01 080000.transmittal']);

    for (let round = 3; round <= 8; round += 1) {
      time.advance(11 * MINUTE);
      addBox(catalog, `box ${round}`);
      const result = await catalog.save();
      expect(result.backupPath).toBeDefined();
      expect(result.backupError).toBeUndefined();
      expect((await backupNames(path)).length).toBeLessThanOrEqual(3);
    }
    await catalog.close();

    // Saves 3…8 happened at 08:12, 08:23, … 09:07; the oldest backups were removed.
    expect(await backupNames(path)).toEqual([
      'Planning 2024-06-01 084500.transmittal',
      'Planning 2024-06-01 085600.transmittal',
      'Planning 2024-06-01 090700.transmittal',
    ]);
    // Each backup holds the catalog as it was just before that save.
    const newest = (await listBackups(path)).at(-1)!;
    const backup = await CatalogFile.open(newest.path);
    expect(boxLabels(backup)).toEqual(['box 1', 'box 2', 'box 3', 'box 4', 'box 5', 'box 6', 'box 7']);
    await backup.close();
  });

  it('takes a backup when the clock was set back past the newest one', async () => {
    const path = join(tempDir(), 'records.transmittal');
    const time = fakeClock('2024-06-01T08:00:00Z');
    const catalog = await CatalogFile.create(path, { clock: time.clock });
    await catalog.save();
    time.advance(-60 * MINUTE);
    expect((await catalog.save()).backupPath).toBe(join(`${path} backups`, 'records 2024-06-01 070000.transmittal'));
    await catalog.close();
  });

  it('reports a failed backup without stopping the save', async () => {
    const path = join(tempDir(), 'records.transmittal');
    const catalog = await CatalogFile.create(path, { backupIntervalMs: 0 });
    // A file where the backups folder should be: the folder cannot be made.
    await writeFile(`${path} backups`, 'in the way');
    addBox(catalog, 'still saved');
    const result = await catalog.save();
    expect(result.backupError).toMatch(/no backup could be made/);
    expect(result.backupPath).toBeUndefined();
    await catalog.close();
    const reopened = await CatalogFile.open(path);
    expect(boxLabels(reopened)).toEqual(['still saved']);
    await reopened.close();
  });

  it('takes no backups when keepBackups is 0', async () => {
    const path = join(tempDir(), 'records.transmittal');
    const catalog = await CatalogFile.create(path, { keepBackups: 0, backupIntervalMs: 0 });
    await catalog.save();
    await catalog.save();
    await catalog.close();
    expect(await readdir(tempDir())).toEqual(['records.transmittal']);
  });

  it('ignores files in the backups folder that are not its rotated backups', async () => {
    const path = join(tempDir(), 'records.transmittal');
    const time = fakeClock('2024-06-01T08:00:00Z');
    const catalog = await CatalogFile.create(path, { clock: time.clock, keepBackups: 1, backupIntervalMs: 0 });
    await catalog.save();
    await writeFile(join(`${path} backups`, 'notes from the clerk.txt'), 'keep me');
    await writeFile(join(`${path} backups`, 'records 2024-06-01 070000 schema 0.transmittal'), 'pre-upgrade copy');
    time.advance(MINUTE);
    await catalog.save();
    await catalog.close();
    expect(await backupNames(path)).toEqual([
      'notes from the clerk.txt',
      'records 2024-06-01 070000 schema 0.transmittal',
      'records 2024-06-01 080100.transmittal',
    ]);
  });
});
