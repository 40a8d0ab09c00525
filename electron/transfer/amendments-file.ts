// The amendments of a sent transfer as a file for the center: transmittal-amendments/1 JSON naming the manifest it
// corrects by fingerprint, written atomically beside the transfer's package. Every amendment so far is listed, so
// the newest file is always complete; the center applies the ones (by id) it has not seen.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { AMENDMENTS_FORMAT, amendmentsFileSchema, canonicalAmendmentsJson, type AmendmentsFile } from '../../shared/exchange/amendments';
import type { CatalogContext } from '../catalog/context';
import { writeFileAtomic } from '../storage/file-system';
import { amendmentsOf } from './amend-transfer';
import { getTransferRow } from './transfer-rows';

export function amendmentsFileOf(context: CatalogContext, transferId: number, writtenAt: string): AmendmentsFile | null {
  const transfer = getTransferRow(context, transferId);
  const amendments = amendmentsOf(context, transferId);
  if (amendments.length === 0 || !transfer.fingerprint) return null;
  const department = context.db.get<{ name: string }>('SELECT name FROM department WHERE id = 1')?.name ?? '';
  return amendmentsFileSchema.parse({
    format: AMENDMENTS_FORMAT,
    transfer: { number: transfer.number, manifestFingerprint: transfer.fingerprint },
    department: { name: department },
    writtenAt,
    amendments,
  });
}

export const amendmentsFileName = (number: string) => `${number}-amendments.json`;

export async function writeAmendmentsFile(context: CatalogContext, transferId: number, outDir: string, writtenAt: string) {
  const transfer = getTransferRow(context, transferId);
  const file = amendmentsFileOf(context, transferId, writtenAt);
  if (!file) {
    throw new AppError('invalid-input', `Transfer ${transfer.number} has no corrections after sending: there is nothing to write.`, { field: 'id' });
  }
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, amendmentsFileName(transfer.number));
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`), { overwrite: true });
  const fingerprint = createHash('sha256').update(canonicalAmendmentsJson(file), 'utf8').digest('hex');
  return { path, fingerprint, count: file.amendments.length };
}
