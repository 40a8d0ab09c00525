// Parsers for option values, shared by the commands: a wrong value is a usage error naming what was expected.
import { InvalidArgumentError } from 'commander';

export function wholeNumber(text: string): number {
  if (!/^\d{1,6}$/.test(text.trim())) throw new InvalidArgumentError('Expected a whole number such as 3.');
  return Number(text);
}
