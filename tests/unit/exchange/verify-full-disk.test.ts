// verify unpacks a .zip into a temporary folder first. When that folder's disk is full, the package was never
// judged: verify must say so, and never call a valid package damaged.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { zipDirectory } from '../../../electron/exchange/zip';
import { verifyPackage } from '../../../electron/exchange/verify-package';
import { sampleContents, tempFolder } from './fixtures/bag-fixtures';

const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      return (real.writeSync as (...all: unknown[]) => number)(...args);
    },
  };
});

describe('verify with a full temporary disk', () => {
  it('says the package could not be checked, not that it is damaged', async () => {
    const parent = await tempFolder();
    const dir = join(parent, 'PW-2026-003');
    await writeBag(dir, sampleContents());
    const zip = join(parent, 'PW-2026-003.zip');
    await zipDirectory(dir, zip);
    expect((await verifyPackage(zip)).valid).toBe(true);

    disk.full = true;
    try {
      const failure = await verifyPackage(zip).then(
        () => null,
        (error: unknown) => error as { code?: string; message?: string },
      );
      expect(failure?.code).toBe('io-failed');
      expect(failure?.message).toMatch(/^Could not unpack PW-2026-003\.zip to check it: the disk is full/);
      expect(failure?.message).toMatch(/The package was not judged/);
      expect(failure?.message).not.toMatch(/damaged|not a zip/);
    } finally {
      disk.full = false;
    }
    expect((await verifyPackage(zip)).valid).toBe(true);
  });
});
