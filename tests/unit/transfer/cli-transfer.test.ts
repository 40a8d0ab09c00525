// A whole transfer scripted with the real `transmittal` command, from an empty catalog to a verified package: the
// promise that everything a transfer needs can be done from a script.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Run } from '../cli/run-cli';
import { acknowledgmentFor } from './acknowledgment-fixtures';

let workDir: string;

const transmittal = (...args: string[]): Promise<Run> => runCli(workDir, args);

async function ok(...args: string[]): Promise<string> {
  const run = await transmittal(...args);
  expect(run.stderr, `transmittal ${args.join(' ')}`).toBe('');
  expect(run.code, `transmittal ${args.join(' ')}`).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'transmittal-cli-transfer-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

// Each step spawns the CLI several times; on a busy machine a step can take half a minute.
describe('a transfer from the command line', { timeout: 180_000 }, () => {
  let number = '';

  it('sets up the department, a records center, the schedule and boxes from nothing', async () => {
    await ok('init', 'works', '--department', 'Public Works');
    await ok('department', 'set', 'works', '--code', 'PW', '--address', '1 Main Street', '--contact-name', 'Ana Ruiz', '--phone', '555-0100', '--email', 'ana@city.example', '--fiscal-year-start', '7');
    const centerId = await ok(
      'center', 'add', 'works', '--name', 'State Records Center', '--address', '1 Archive Way', '--contact-name', 'Lee Park',
      '--phone', '555-0199', '--email', 'src@state.example', '--retrieval', 'Email the transfer and box number', '--turnaround',
      'Next working day', '--turnaround-days', '1',
    );
    // What the center has not stated stays unstated, and the command says what is still missing.
    expect(centerId).toBe('Added records center 1 “State Records Center”. Not stated yet (sending to it waits for them): notice days, services, loss policy.\n');
    expect(await ok('center', 'set', 'works', 'State Records Center', '--notice-days', '90', '--service', 'box', '--service', 'scan', '--loss-policy', 'Reported within one working day')).toBe(
      'Saved records center 1 “State Records Center”. Everything a receipt promises is stated.\n',
    );
    expect((await transmittal('center', 'set', 'works', 'State Records Center', '--service', 'drone')).code).toBe(2);
    expect(await ok('schedule', 'add', 'works', '--item', 'GS 1010', '--title', 'Building permits', '--retention', 'CY+3', '--disposition', 'destroy', '--citation', 'RCW 40.14.060')).toContain('GS 1010');
    const unreadable = await transmittal('schedule', 'add', 'works', '--item', 'GS 9', '--title', 'X', '--retention', 'until the cows come home');
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^transmittal: Transmittal cannot read the retention/);
    for (const label of ['PW-001', 'PW-002']) {
      await ok('add-box', 'works', '--label', label);
      await ok('add-folder', 'works', '--box', label, '--title', `Oak Street permits ${label}`, '--item', 'GS 1010', '--begin', '2018', '--end', '2019');
    }
    await ok('add-folder', 'works', '--box', 'PW-002', '--title', 'Miscellaneous', '--item', 'GS 1010', '--begin', '2019');
  });

  it('creates a transfer, says it cannot be sent while empty, then adds every box', async () => {
    const created = JSON.parse(await ok('transfer', 'create', 'works', '--center', 'State Records Center', '--json'));
    number = created.number;
    expect(number).toMatch(/^PW-\d{4}-001$/);
    expect(Object.keys(created)[0]).toBe('number');

    const empty = await transmittal('transfer', 'validate', 'works', number, '--json');
    expect(empty.code).toBe(1);
    const answer = JSON.parse(empty.stdout);
    expect(answer.error.details.validation.issues.map((issue: { code: string }) => issue.code)).toEqual(['no-boxes']);
    expect(empty.stderr).toBe(`transmittal: transfer ${number} cannot be sent yet: 1 error to fix\n`);

    expect(await ok('transfer', 'add', 'works', number, '--all')).toBe(`Added 2 boxes to ${number}.\n`);
    await writeFile(join(workDir, 'Site plan.pdf'), '%PDF-1.4 site plan');
    expect(await ok('transfer', 'add-files', 'works', number, 'Site plan.pdf')).toMatch(
      new RegExp(`^Transfer ${number} now carries 1 electronic record:\\n  records/Site plan\\.pdf  18 bytes  sha256 [0-9a-f]{64}\\n$`),
    );
    const missing = await transmittal('transfer', 'add-files', 'works', number, 'nowhere.pdf');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`There is no file at ${join(workDir, 'nowhere.pdf')}`);
    const usage = await transmittal('transfer', 'add', 'works', number, '--all', '--box', 'PW-001');
    expect(usage.code).toBe(2);
  });

  it('validates with warnings only, then sends and freezes', async () => {
    const validation = JSON.parse(await ok('transfer', 'validate', 'works', number, '--json'));
    expect(validation).toMatchObject({ valid: true, errors: 0, warnings: 3 });
    expect(validation.issues.map((issue: { message: string }) => issue.message)).toEqual([
      'Box PW-001: eligible for destruction since 2023-01-01 — destroy it under your schedule instead of storing it, or say why it goes.',
      'Folder 2 “Miscellaneous” in box PW-002 has a vague title: say what the records are so they can be found again.',
      'Box PW-002: eligible for destruction since 2023-01-01 — destroy it under your schedule instead of storing it, or say why it goes.',
    ]);
    const text = await ok('transfer', 'validate', 'works', number);
    expect(text).toContain('warning  Folder 2 “Miscellaneous” in box PW-002');

    // Boxes already past their date go only with a reason, asked once for the transfer.
    const unexplained = await transmittal('transfer', 'send', 'works', number);
    expect(unexplained.code).toBe(1);
    expect(unexplained.stderr).toContain('holds 2 boxes already eligible for destruction: Box PW-001, Box PW-002.');

    const sent = await ok('transfer', 'send', 'works', number, '--eligible-reason', 'The boxes are evidence in an open appeal');
    expect(sent).toMatch(new RegExp(`^Sent ${number}: 2 boxes, 3 folders\\.\\nFingerprint: [0-9a-f]{64}\\n$`));
    const again = await transmittal('transfer', 'send', 'works', number, '--eligible-reason', 'The boxes are evidence in an open appeal');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is sent: its boxes can no longer change/);
  });

  it('corrects a sent folder only as an amendment, and writes the amendments file for the center', async () => {
    const refused = await transmittal('add-folder', 'works', '--box', 'PW-001', '--title', 'Late addition', '--item', 'GS 1010');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^transmittal: Box “PW-001” was sent to State Records Center on .* in PW-\d{4}-001/);
    const said = await ok('amend', 'works', '--box', 'PW-001', '--folder', '1', '--set', 'title=Oak Street permits (1 of 2)', '--set', 'confidential=yes', '--reason', 'The label inside says 1 of 2', '--out', 'corrections');
    expect(said).toContain(`Corrected box PW-001, folder 1 of transfer ${number}: title "Oak Street permits PW-001" → "Oak Street permits (1 of 2)"\n`);
    expect(said).toContain(`Wrote ${join(workDir, 'corrections', `${number}-amendments.json`)} (2 amendments, fingerprint `);
    const file = JSON.parse(await readFile(join(workDir, 'corrections', `${number}-amendments.json`), 'utf8'));
    expect(file.amendments.map((each: { field: string }) => each.field)).toEqual(['title', 'confidential']);
    const unknown = await transmittal('amend', 'works', '--box', 'PW-001', '--set', 'officeLocation=Basement', '--reason', 'moved');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('FIELD is one of label, cubicFeet, notes');
  });

  it('records an event date on a sent folder as an amendment, and writes the amendments file', async () => {
    const said = await ok('event', 'set', 'works', '--box', 'PW-001', '--folder', '1', '--date', '2024-05-31', '--reason', 'Permit closed', '--out', 'corrections');
    expect(said).toContain('Recorded event date 2024-05-31: 0 folders in the office, 1 sent folder with an amendment.\n');
    const file = JSON.parse(await readFile(join(workDir, 'corrections', `${number}-amendments.json`), 'utf8'));
    expect(file.amendments.at(-1)).toMatchObject({ field: 'eventDate', before: '', after: '2024-05-31', reason: 'Permit closed', folder: { position: 1 } });
    const usage = await transmittal('event', 'set', 'works', '--box', 'PW-001', 'PW-002', '--folder', '1', '--date', '2024');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('give exactly one --box');
  });

  it('packages the sent transfer as a folder and a zip, which verify accepts and a tampered copy fails', async () => {
    const started = JSON.parse(await ok('transfer', 'package', 'works', number, '--out', 'packages', '--json'));
    expect(started).toMatchObject({ preview: false, folder: join(workDir, 'packages', number), zip: join(workDir, 'packages', `${number}.zip`) });
    for (const name of ['manifest.json', 'manifest.xlsx', 'manifest.csv', 'receipt.pdf', 'labels.pdf', 'records/Site plan.pdf']) {
      expect(existsSync(join(started.folder, 'data', name)), name).toBe(true);
    }
    expect(existsSync(started.zip)).toBe(true);
    const bagInfo = await readFile(join(started.folder, 'bag-info.txt'), 'utf8');
    expect(bagInfo).toContain(`External-Identifier: ${number}\n`);
    expect(bagInfo).toContain(`Manifest-Fingerprint: ${started.fingerprint}\n`);
    expect(bagInfo).toContain('Bag-Count: 1 of 1\n');

    expect((await transmittal('verify', started.folder)).code).toBe(0);
    expect((await transmittal('verify', started.zip)).code).toBe(0);
    const manifestPath = join(started.folder, 'data', 'manifest.json');
    // The center's acknowledgment of it comes back and is taken in; the same file again changes nothing.
    const acknowledgment = join(workDir, `${number}-acknowledgment.json`);
    await writeFile(acknowledgment, JSON.stringify(acknowledgmentFor(JSON.parse(await readFile(manifestPath, 'utf8')), started.fingerprint, { missing: [2] })));
    expect(await ok('acknowledgment', 'import', 'works', acknowledgment)).toBe(
      `State Records Center took in ${number} as accession PW-2026-0042: 1 box of 2 received, 1 discrepancy noted.\n`,
    );
    expect(await ok('acknowledgment', 'import', 'works', acknowledgment)).toBe(`This acknowledgment of ${number} was taken in already: nothing changed.\n`);
    await writeFile(manifestPath, (await readFile(manifestPath, 'utf8')).replace('Oak Street', 'Elm Street'));
    const tampered = await transmittal('verify', started.folder);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout + tampered.stderr).toContain('manifest.json');
  });
});
