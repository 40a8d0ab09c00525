// Two real processes, the web shell and the CLI, changing the same catalog at the same moments, 30 rounds: every
// change reported as saved is on disk at the end, and every change not on disk was reported as refused.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/api/bridge';
import type { ApiResponse } from '../../../shared/api/errors';
import { CatalogFile } from '../../../electron/storage/catalog-file';
import { runCli } from './run-cli';

const ROUNDS = 30;
let dir: string;
let shell: ChildProcess;
let address: { port: number; token: string };

async function web(method: string, input: unknown): Promise<ApiResponse<unknown>> {
  const response = await fetch(`http://127.0.0.1:${address.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: address.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as ApiResponse<unknown>;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'transmittal-two-writers-'));
  shell = spawn(process.execPath, [resolve(__dirname, '../support/web-shell-process.mjs'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((done, fail) => {
    createInterface({ input: shell.stdout! }).once('line', done);
    shell.once('exit', (code) => fail(new Error(`the web shell stopped with code ${code}`)));
  });
  address = JSON.parse(firstLine) as { port: number; token: string };
});

afterAll(async () => {
  shell?.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

describe('the web shell and the CLI saving one catalog', () => {
  it(`${ROUNDS} rounds: what each reports saved is on disk, what it reports refused is not`, async () => {
    const catalog = join(dir, 'Shared.transmittal');
    expect((await runCli(dir, ['init', catalog, '--department', 'Clerk'])).code).toBe(0);
    // How long the CLI takes to reach the catalog on this machine (its process start-up dominates): the web shell's
    // timings are spread across it, so the rounds overlap however fast or loaded the machine is.
    const warmUp = Date.now();
    await runCli(dir, ['list', catalog, 'boxes']);
    const cliStartMs = Math.max(300, Date.now() - warmUp);
    const saved = new Set<string>();
    const refused = new Set<string>();
    const refusals: string[] = [];

    for (let round = 0; round < ROUNDS; round += 1) {
      const webLabel = `web-${round}`;
      const cliLabel = `cli-${round}`;
      // The web shell opens, changes and closes (which saves) the catalog; the CLI does the same. The web shell's
      // start and how long it keeps the catalog open vary round by round across the CLI's own start-up time, so
      // some rounds overlap one way, some the other, and some not at all.
      const viaWeb = (async () => {
        await new Promise((wait) => setTimeout(wait, (((round * 37) % 50) / 50) * cliStartMs * 1.3));
        const opened = await web('catalog.open', { path: catalog });
        if (!opened.ok) return { label: webLabel, ok: false, why: opened.error.code };
        await new Promise((wait) => setTimeout(wait, (((round * 53) % 50) / 50) * cliStartMs * 0.5));
        const box = await web('boxes.create', { label: webLabel });
        const closed = await web('catalog.close', box.ok ? {} : { discard: true });
        if (box.ok && closed.ok) return { label: webLabel, ok: true, why: '' };
        // A refused close keeps the catalog open with the change: drop it so the next round starts clean.
        if (!closed.ok) await web('catalog.close', { discard: true });
        return { label: webLabel, ok: false, why: box.ok ? (closed.ok ? '' : closed.error.code) : box.error.code };
      })();
      const viaCli = (async () => {
        await new Promise((wait) => setTimeout(wait, (round * 37) % 151));
        const run = await runCli(dir, ['add-box', catalog, '--label', cliLabel]);
        return { label: cliLabel, ok: run.code === 0 && /Added box/.test(run.stdout), why: run.stderr.trim() };
      })();
      for (const outcome of await Promise.all([viaWeb, viaCli])) {
        (outcome.ok ? saved : refused).add(outcome.label);
        if (!outcome.ok) refusals.push(outcome.why);
      }
    }

    const onDisk = await CatalogFile.open(catalog, { readOnly: true });
    const labels = new Set(onDisk.db.column<string>('SELECT label FROM box'));
    await onDisk.close();
    expect([...saved].filter((label) => !labels.has(label)), 'reported saved but missing').toEqual([]);
    expect([...refused].filter((label) => labels.has(label)), 'reported refused but on disk').toEqual([]);
    expect(labels.size).toBe(saved.size);
    // Both programs won some rounds and lost some: the rounds really overlapped.
    expect(saved.size).toBeGreaterThan(ROUNDS / 2);
    expect(refused.size).toBeGreaterThan(0);
    // Every refusal names the other program, never a silent loss.
    for (const why of refusals) expect(why).toMatch(/catalog-locked|is open in the (web shell|command line)/);
    console.log(`two writers: ${saved.size} changes saved, ${refused.size} refused with a reason, ${labels.size} boxes on disk`);
  }, 600_000);
});
