// Reading a disposition file a department takes in: its schema (naming the field that is wrong) and its seal. A
// file that fails either is refused whole, before anything in the catalog is looked at or changed.
import type { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import { sealFingerprint } from '../../exchange/fingerprint';

/** Refuses the file: nothing in the catalog was changed. */
export function refuseFile(message: string, fileName: string): never {
  throw new AppError('invalid-input', `${message} Nothing was changed.`, { field: 'file', file: fileName });
}

/** The file as its schema reads it, sealed as the records center wrote it; `what` names it ("disposition notice"). */
export function parseSealed<S extends z.ZodType<{ fingerprint: string }>>(schema: S, json: unknown, fileName: string, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuseFile(`${fileName} is not a ${what} as the records center writes it: ${issue.path.join('.') || 'the file'}: ${issue.message}. It is damaged or was changed by hand; ask the center to send it again.`, fileName);
  }
  const file = parsed.data;
  if (sealFingerprint(file) !== file.fingerprint) {
    refuseFile(`${fileName} was changed after it was made (its seal does not match its content): it is not the ${what} the records center wrote. Ask the center to send it again.`, fileName);
  }
  return file;
}

/** Whole days from one day (YYYY-MM-DD) to another: negative when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** "PW-DN-2026-0003" as a safe file name stem (the center chose the number; a slash must not make a folder). */
export function safeStem(number: string): string {
  return number.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
