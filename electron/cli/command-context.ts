// What every command receives: where to print and how to open a session (a fake in tests, the real one in use).
import { InvalidArgumentError } from 'commander';
import type { OpenSession } from './catalog-session';
import type { CliOutput } from './output';

export interface CommandContext {
  output: CliOutput;
  openSession: OpenSession;
}

/** Commander option parser for a whole number of at least 1 (--limit). */
export function positiveWholeNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError('Expected a whole number of 1 or more.');
  }
  return value;
}

/** Commander option parser for a decimal number (--cubic-feet); the range is the catalog's to check. */
export function decimalNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InvalidArgumentError('Expected a number such as 1.2.');
  return value;
}
