// The `transmittal` command line: builds the commands and turns every outcome into output and an exit code.
// Kept apart from index.ts so tests can run it in-process with their own output and session.
import { Command, CommanderError } from 'commander';
import { registerAddCommands } from './add-commands';
import { appVersion } from './app-identity';
import { registerBrowseCommands } from './browse-commands';
import { registerCatalogCommands } from './catalog-commands';
import { describeError, EXIT_OK, EXIT_USAGE_ERROR } from './cli-errors';
import { registerImportCommands } from './import-commands';
import type { CommandContext } from './command-context';
import { printJson } from './output';
import { registerProfileCommands } from './profile-commands';
import { registerTransferCommands } from './transfer-commands';
import { registerAmendCommand } from './amend-commands';
import { registerEventCommands } from './event-commands';
import { registerReboxCommands } from './rebox-commands';
import { registerAcknowledgmentCommands } from './acknowledgment-commands';
import { registerHistoryCommands } from './history-commands';
import { registerVerifyCommand } from './verify-command';
import { registerCenterHoldingsCommands } from './center-holdings-commands';
import { registerRetrievalCommands } from './retrieval-commands';
import { registerDispositionCommands } from './disposition-commands';
import { registerHoldCommands } from './hold-commands';
import { registerPaperworkCommands } from './paperwork-commands';

export function buildProgram(context: CommandContext, captureError: (text: string) => void): Command {
  const program = new Command('transmittal')
    .description('Catalog your department’s records boxes and folders from the command line.')
    .version(appVersion(), '-v, --version')
    // Usage errors reach runCli as exceptions, so they get the same one-line message and exit code as any other.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.output.stdout(text),
      writeErr: captureError,
      outputError: () => {},
    })
    .addHelpText('after', '\nRun "transmittal <command> --help" for a command’s options and an example.');
  registerCatalogCommands(program, context);
  registerBrowseCommands(program, context);
  registerAddCommands(program, context);
  registerProfileCommands(program, context);
  registerTransferCommands(program, context);
  registerAmendCommand(program, context);
  registerEventCommands(program, context);
  registerReboxCommands(program, context);
  registerAcknowledgmentCommands(program, context);
  registerHistoryCommands(program, context);
  registerVerifyCommand(program, context);
  registerCenterHoldingsCommands(program, context);
  registerRetrievalCommands(program, context);
  registerDispositionCommands(program, context);
  registerHoldCommands(program, context);
  registerPaperworkCommands(program, context);
  // After the profile commands: `schedule import` joins their `schedule` group.
  registerImportCommands(program, context);
  return program;
}

/** Runs one command line (without "node transmittal") and answers the exit code. Never throws. */
export async function runCli(argv: string[], context: CommandContext): Promise<number> {
  const { output } = context;
  let errorText = '';
  const program = buildProgram(context, (text) => (errorText += text));
  try {
    if (argv.length === 0) {
      output.stdout(program.helpInformation());
      output.stderr('transmittal: say which command to run (see the list above)\n');
      return EXIT_USAGE_ERROR;
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    // Commander signals printed help or version (--help, `help list`, --version) as an error with exit code 0.
    if (error instanceof CommanderError && error.exitCode === 0) return EXIT_OK;
    if (error instanceof CommanderError && error.code === 'commander.help') {
      // Commander shows help instead of an error when a command group is called bare: print it where help goes.
      output.stdout(errorText);
    }
    const command = program.commands.find((each) => each.name() === argv[0])?.name();
    const reported = describeError(error, command);
    // --json asks for machine-readable output, errors included; the stderr line is still there for people.
    if (argv.includes('--json')) printJson(output, { error: reported.shape });
    output.stderr(`transmittal: ${reported.line}\n`);
    return reported.exitCode;
  }
}
