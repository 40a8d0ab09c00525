// `transmittal verify <package>`: checks a transfer package (folder or zip), or any BagIt bag, by RFC 8493, and for
// our own packages the manifest's schema and fingerprint too. Every problem names the file it is about.
import type { Command } from 'commander';
import type { BagProblem, PackageVerification } from '../../shared/exchange/bag-report';
import { CliError } from './cli-errors';
import type { CommandContext } from './command-context';
import { withSession } from './catalog-session';
import { dirname, resolve } from 'node:path';
import { count, printJson, type CliOutput } from './output';

/** One line per problem, with no control characters: a file name holding a line break must not forge a line. */
function problemLine(problem: BagProblem): string {
  const text = problem.file ? `${problem.file}: ${problem.message}` : problem.message;
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function printPeople(output: CliOutput, result: PackageVerification): void {
  const { info } = result;
  if (result.valid) {
    output.stdout(`Valid bag: ${count(info.payloadFiles, 'payload file')}, ${count(info.payloadBytes, 'byte')} (BagIt ${info.version})\n`);
    if (result.transmittal) {
      output.stdout(`Transfer ${result.transmittal.transferNumber}: manifest matches its schema and fingerprint ${result.transmittal.fingerprint}\n`);
    }
  } else {
    output.stdout(`Not a valid bag: ${count(result.errors.length, 'problem')}\n`);
    for (const problem of result.errors) output.stdout(`  ${problemLine(problem)}\n`);
  }
  if (result.warnings.length > 0) {
    output.stdout(`${count(result.warnings.length, 'warning')}:\n`);
    for (const problem of result.warnings) output.stdout(`  ${problemLine(problem)}\n`);
  }
}

export function registerVerifyCommand(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('verify')
    .description('check a transfer package (folder or .zip), or any BagIt bag: every file, checksum and the manifest')
    .argument('<package>', 'the package folder, the package .zip, or any BagIt bag')
    .option('--json', 'print the full report as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal verify PW-2026-003\n  transmittal verify PW-2026-003.zip --json')
    .action(async (target: string, options: { json?: boolean }) => {
      const path = resolve(target);
      const result = await withSession({ openSession, workspaceDir: dirname(path), work: (call) => call('packages.verify', { file: { path } }) });
      if (options.json && result.valid) printJson(output, result);
      if (!options.json) printPeople(output, result);
      if (!result.valid) {
        // With --json the report travels inside the error, so a script reads one JSON document either way.
        throw new CliError('domain', {
          code: 'invalid-input',
          message: `${target} did not verify: ${count(result.errors.length, 'problem')}${options.json ? '' : ' (listed above)'}.`,
          details: { file: target, report: result },
        });
      }
    });
}
