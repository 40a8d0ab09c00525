// The center's disposition papers: their numbers ("PW-DN-2026-0001", "PW-CD-2026-0001"), the seal and schema check
// every file passes before it leaves, and writing each as JSON beside its PDF.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { departmentToken } from '../../../shared/center/accession-number';
import { AppError } from '../../../shared/domain/errors';
import { pad } from '../../../shared/domain/words';
import { transferPrefix } from '../../../shared/transfer/numbering';
import type { ZodType } from 'zod';
import type { CatalogContext } from '../../catalog/context';
import { sealFingerprint } from '../../exchange/fingerprint';
import { writeFileAtomic } from '../../storage/file-system';

export type PaperKind = 'DN' | 'CD';

const TABLE: Record<PaperKind, string> = { DN: 'disposition_notice', CD: 'disposition_certificate' };

/** `<dept code or initials>-<DN|CD>-<year>-<NNNN>`: after every number of that kind this year; never reused. */
export function nextPaperNumber(context: CatalogContext, kind: PaperKind, department: { name: string; code: string }, year: number): string {
  const head = `${transferPrefix(departmentToken(department))}-${kind}-${year}-`;
  const numbers = context.db.column<string>(`SELECT number FROM ${TABLE[kind]} WHERE number LIKE ? ESCAPE '\\'`, [`${head.replace(/[\\%_]/g, '\\$&')}%`]);
  let highest = 0;
  for (const number of numbers) {
    const rest = number.slice(head.length);
    if (/^\d{1,9}$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${head}${pad(highest + 1, 4)}`;
}

export function paperNumberTaken(context: CatalogContext, kind: PaperKind, number: string): boolean {
  return context.db.get(`SELECT 1 AS found FROM ${TABLE[kind]} WHERE number = ?`, [number]) !== undefined;
}

/** A calendar day `days` after `isoDate` (YYYY-MM-DD): notice periods count every day, not working days. */
export function addCalendarDays(isoDate: string, days: number): string {
  const at = new Date(`${isoDate}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Seals the file and checks it against its own schema; a file that comes out wrong is never written. */
export function sealAndCheck<T extends { fingerprint: string }>(unsealed: Omit<T, 'fingerprint'>, schema: ZodType<T>, what: string): T {
  const sealed = { ...unsealed, fingerprint: sealFingerprint(unsealed) } as T;
  const checked = schema.safeParse(sealed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('internal', `${what} came out wrong (${issue.path.join('.') || 'the whole file'}: ${issue.message}); no file was written.`);
  }
  return sealed;
}

export function paperFileName(number: string, suffix: string): string {
  return `${number.replace(/[^A-Za-z0-9._-]+/g, '_')}-${suffix}.json`;
}

/** The PDF first, then the JSON beside it: a paper is recorded only once both are on disk to send. */
export async function writePaper(outDir: string, fileName: string, file: object, pdf: Uint8Array): Promise<{ path: string; pdfPath: string }> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, fileName);
  const pdfPath = path.replace(/\.json$/, '.pdf');
  await writeFileAtomic(pdfPath, pdf, { overwrite: true });
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`), { overwrite: true });
  return { path, pdfPath };
}
