// `transmittal verify` as a user and a script see it: the verdict line, each problem with its file, the exit code
// the CLI maps the outcome to, and one JSON document with --json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { zipDirectory } from '../../../electron/exchange/zip';
import { describeError, EXIT_DOMAIN_ERROR, EXIT_OK } from '../../../electron/cli/cli-errors';
import { registerVerifyCommand } from '../../../electron/cli/verify-command';
import { createSession } from '../../../electron/session/session';
import { sampleContents, tempFolder } from './fixtures/bag-fixtures';

/** Runs the verify command alone, mapping errors to exit codes exactly as runCli does. */
async function verify(...args: string[]) {
  let stdout = '';
  const program = new Command('transmittal').exitOverride();
  registerVerifyCommand(program, {
    output: { stdout: (text) => void (stdout += text), stderr: () => {} },
    // The real session, with no catalog open: verify goes through the same dispatch as every other command.
    openSession: (options) => createSession({ ...options, rememberRecent: false }),
  });
  try {
    await program.parseAsync(['verify', ...args], { from: 'user' });
    return { code: EXIT_OK, stdout, stderr: '' };
  } catch (error) {
    const reported = describeError(error, 'verify');
    return { code: reported.exitCode, stdout, stderr: reported.line, shape: reported.shape };
  }
}

async function packageFolder() {
  const parent = await tempFolder();
  const dir = join(parent, 'PW-2026-003');
  await writeBag(dir, sampleContents());
  return { parent, dir };
}

describe('transmittal verify', () => {
  it('says a good package is a valid bag, with its payload count and size', async () => {
    const { dir } = await packageFolder();
    const bytes = sampleContents().payload.reduce((sum, file) => sum + file.bytes.length, 0);
    const run = await verify(dir);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toBe(`Valid bag: 3 payload files, ${bytes} bytes (BagIt 1.0)\n`);
  });

  it('verifies the zip of a package too', async () => {
    const { parent, dir } = await packageFolder();
    await zipDirectory(dir, join(parent, 'PW-2026-003.zip'));
    const run = await verify(join(parent, 'PW-2026-003.zip'));
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toMatch(/^Valid bag: 3 payload files/);
  });

  it('lists each problem with its file and exits 1 when a file was tampered with', async () => {
    const { dir } = await packageFolder();
    await writeFile(join(dir, 'data/receipt.pdf'), 'tampered');
    await writeFile(join(dir, 'data/new\nline.txt'), 'sneaky name');
    const run = await verify(dir);
    expect(run.code).toBe(EXIT_DOMAIN_ERROR);
    expect(run.stdout).toContain('Not a valid bag: 3 problems\n');
    expect(run.stdout).toContain('  data/receipt.pdf: does not match its sha256 checksum in manifest-sha256.txt');
    // A line break in a file name is shown, not obeyed: it cannot forge a line of the report.
    expect(run.stdout).toContain('  data/new\\x0aline.txt: is in the payload but not listed in manifest-sha256.txt');
    expect(run.stdout).toContain('  bag-info.txt: Payload-Oxum says');
    expect(run.stderr).toBe(`${dir} did not verify: 3 problems (listed above).`);
  });

  it('prints the report as JSON: the report itself when valid, inside the error when not', async () => {
    const { dir } = await packageFolder();
    const good = await verify(dir, '--json');
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, errors: [], info: { version: '1.0', payloadFiles: 3 } });
    await writeFile(join(dir, 'bag-info.txt'), 'Source-Organization: Someone else\n');
    const bad = await verify(dir, '--json');
    expect(bad.code).toBe(EXIT_DOMAIN_ERROR);
    expect(bad.stdout).toBe('');
    expect(bad.shape?.details).toMatchObject({ report: { valid: false, errors: [{ file: 'bag-info.txt' }] } });
  });

  it('prints warnings under a valid verdict', async () => {
    const { dir } = await packageFolder();
    await writeFile(join(dir, 'bag-info.txt'), 'Bagging-Date: 2026-03-15\nBagging-Date: 2026-03-16\n');
    // bag-info.txt changed, so refresh the tag manifest the way a careless tool would: drop it.
    await writeFile(join(dir, 'tagmanifest-sha256.txt'), '');
    const run = await verify(dir);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toContain('1 warning:\n  bag-info.txt: has Bagging-Date 2 times');
  });

  it('says when the package is not there', async () => {
    const run = await verify(join(await tempFolder(), 'missing.zip'));
    expect(run.code).toBe(EXIT_DOMAIN_ERROR);
    expect(run.stderr).toMatch(/missing\.zip does not exist/);
  });
});
