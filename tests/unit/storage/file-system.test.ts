// The atomic write that every catalog save goes through: written in chunks, hashed as it goes.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TargetExistsError, WRITE_CHUNK_BYTES, writeFileAtomic } from '../../../electron/storage/file-system';
import { useTempDir } from './fixtures/temp-dir';

const tempDir = useTempDir();

describe('writeFileAtomic', () => {
  it('writes bytes spanning several chunks whole, and reports their SHA-256 before it replaces the target', async () => {
    const path = join(tempDir(), 'big.transmittal');
    await writeFile(path, 'old content');
    // Not a whole number of chunks, so the last chunk is a short one.
    const bytes = new Uint8Array(randomBytes(2 * WRITE_CHUNK_BYTES + 12_345));
    const reported: { sha256: string; targetThen: string }[] = [];
    await writeFileAtomic(path, bytes, {
      overwrite: true,
      beforeCommit: (sha256) => {
        reported.push({ sha256, targetThen: readFileSync(path, 'utf8') });
      },
    });
    expect(reported).toHaveLength(1);
    // Reported while the target still held its old content.
    expect(reported[0].targetThen).toBe('old content');
    expect(reported[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const written = await readFile(path);
    expect(written.length).toBe(bytes.length);
    // Compared byte for byte without a deep-equality diff of millions of elements.
    expect(Buffer.compare(written, bytes)).toBe(0);
    expect((await readdir(tempDir())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('hashes an empty file as the SHA-256 of nothing', async () => {
    const path = join(tempDir(), 'empty.bin');
    let sha = '';
    await writeFileAtomic(path, new Uint8Array(0), { overwrite: false, beforeCommit: (hash) => (sha = hash) });
    expect(sha).toBe(createHash('sha256').digest('hex'));
    expect((await readFile(path)).length).toBe(0);
  });

  it('refuses to replace an existing file when asked not to, and leaves it untouched', async () => {
    const path = join(tempDir(), 'taken.bin');
    await writeFile(path, 'keep me');
    await expect(writeFileAtomic(path, new Uint8Array([1, 2, 3]), { overwrite: false })).rejects.toBeInstanceOf(TargetExistsError);
    expect(await readFile(path, 'utf8')).toBe('keep me');
  });
});
