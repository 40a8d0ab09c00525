// How the CLI fails: one line on stderr a person can act on, the same error as JSON for scripts, and an exit code
// that tells a script whether it called the tool wrongly (2) or the catalog said no (1).
import { CommanderError } from 'commander';
import { toErrorShape, type AppErrorShape } from '../../shared/domain/errors';

export const EXIT_OK = 0;
export const EXIT_DOMAIN_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

/** An error raised by the CLI itself or answered by the catalog, carrying the shape every transport shares. */
export class CliError extends Error {
  constructor(
    readonly kind: 'usage' | 'domain',
    readonly shape: AppErrorShape,
  ) {
    super(shape.message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError('usage', { code: 'invalid-input', message });

/** Field names in API errors, as the option a CLI user typed. */
const OPTION_FOR_FIELD: Record<string, string> = {
  label: '--label',
  cubicFeet: '--cubic-feet',
  officeLocation: '--location',
  title: '--title',
  fileCode: '--file-code',
  beginDate: '--begin',
  endDate: '--end',
  fileName: '<catalog>',
  name: '--department',
};

export function optionForField(field: unknown): string | null {
  if (typeof field !== 'string' || field === '') return null;
  return OPTION_FOR_FIELD[field.split('.').at(-1) ?? ''] ?? null;
}

/** Collapses a message to one line: the brief promises one line on stderr, and scripts may read it line by line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface ReportedError {
  exitCode: number;
  shape: AppErrorShape;
  /** The stderr line, without the "transmittal: " prefix. */
  line: string;
}

/** `command` names the subcommand the user ran, so a usage error points at that command's help. */
export function describeError(error: unknown, command?: string): ReportedError {
  if (error instanceof CommanderError) {
    const message = oneLine(error.message.replace(/^error:\s*/i, ''));
    return {
      exitCode: EXIT_USAGE_ERROR,
      shape: { code: 'invalid-input', message, details: { usage: true, commanderCode: error.code } },
      line: `${message} (see: transmittal ${command ? `${command} ` : ''}--help)`,
    };
  }
  if (error instanceof CliError) {
    const option = optionForField(error.shape.details?.field);
    const message = oneLine(error.shape.message);
    return {
      exitCode: error.kind === 'usage' ? EXIT_USAGE_ERROR : EXIT_DOMAIN_ERROR,
      shape: error.shape,
      line: option && !message.includes(option) ? `${message} (check ${option})` : message,
    };
  }
  // A file-system failure (permission denied, disk full) is something the user can fix, so its words are kept.
  const system = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall;
  const shape = system ? { code: 'internal' as const, message: error.message } : toErrorShape(error);
  return { exitCode: EXIT_DOMAIN_ERROR, shape, line: oneLine(shape.message) };
}
