// The crash test: a child process saves in a loop and is killed with SIGKILL at random moments. After every
// kill the catalog must open, pass SQLite's integrity check, and hold a state the child had fully built and started
// saving, never a partial one and never older than its last completed save.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogFile } from '../../../electron/storage/catalog-file';
import { listBackups } from '../../../electron/storage/catalog-backups';
import { useTempDir } from './fixtures/temp-dir';

const ITERATIONS = 25;
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const saveLoop = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url));
const tempDir = useTempDir();

/** Runs the child until it has opened the catalog, then kills it `delayMs` later. */
function runAndKill(catalogPath: string, progressPath: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', saveLoop, catalogPath, progressPath], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      if (!killed && chunk.toString().includes('ready')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`save loop ended on its own (${signal ?? _code}): ${stderr}`));
    });
  });
}

function progressOf(log: string): { saving: Set<number>; lastSaved: number } {
  const saving = new Set<number>();
  let lastSaved = 0;
  for (const line of log.split('\n')) {
    const [word, value] = line.split(' ');
    if (word === 'saving') saving.add(Number(value));
    if (word === 'saved') lastSaved = Math.max(lastSaved, Number(value));
  }
  return { saving, lastSaved };
}

async function checkCatalog(path: string): Promise<number> {
  const catalog = await CatalogFile.open(path);
  try {
    expect(catalog.db.column<string>('PRAGMA integrity_check')).toEqual(['ok']);
    const count = catalog.db.column<number>('SELECT count(*) FROM box')[0];
    const recorded = catalog.db.column<string>("SELECT value FROM meta WHERE key = 'saved_boxes'")[0] ?? '0';
    expect(Number(recorded)).toBe(count);
    expect(catalog.db.column<number>('SELECT coalesce(max(id), 0) FROM box')[0]).toBe(count);
    return count;
  } finally {
    await catalog.close();
  }
}

describe('crash safety', () => {
  it(`survives ${ITERATIONS} SIGKILLs in the middle of saving`, { timeout: 120_000 }, async () => {
    const path = join(tempDir(), 'crash.transmittal');
    await (await CatalogFile.create(path)).close();
    let onDisk = 0;
    let savesStarted = 0;

    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const progressPath = join(tempDir(), `progress-${iteration}.log`);
      const delayMs = 20 + Math.floor(Math.random() * 280);
      await runAndKill(path, progressPath, delayMs);

      const { saving, lastSaved } = progressOf(await readFile(progressPath, 'utf8').catch(() => ''));
      savesStarted += saving.size;
      const count = await checkCatalog(path);
      const context = `iteration ${iteration}, killed after ${delayMs} ms`;
      // Either what was on disk before this run, or a state the child started saving, and never behind a save it finished.
      expect(count === onDisk || saving.has(count), `${context}: ${count} boxes is not a saved state`).toBe(true);
      expect(count, context).toBeGreaterThanOrEqual(lastSaved);
      // The next open took over the killed child's lock and removed the temp files its killed save left.
      const left = (await readdir(tempDir())).filter((name) => name.startsWith('.crash.transmittal.'));
      expect(left, `${context}: left behind after the next open`).toEqual([]);
      onDisk = count;
    }

    expect(savesStarted, 'the children never got to save').toBeGreaterThan(ITERATIONS);
    expect(onDisk).toBeGreaterThan(0);
    // Backups are made through temp files too: every one that exists is a whole catalog.
    for (const backup of await listBackups(path)) await checkCatalog(backup.path);
    // No temp file of any kind is left beside the catalog.
    expect((await readdir(tempDir())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
