// The update sent back to the department (transmittal-retrieval-update/1): where its request stands, each item's
// state and shelf, the answer, and every custody event recorded for it so far, numbered, sealed. Each update carries
// everything, so the latest is enough. Writing one changes nothing in the catalog.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import { RETRIEVAL_UPDATE_FORMAT, retrievalEventKinds, retrievalUpdateSchema, type RetrievalEventKind, type RetrievalUpdate } from '../../../shared/exchange/retrieval';
import type { CatalogContext } from '../../catalog/context';
import { getDepartment } from '../../catalog/profile-store';
import { sealFingerprint } from '../../exchange/fingerprint';
import { writeFileAtomic } from '../../storage/file-system';
import { requestSummary } from './request-queue';
import { getRequestRow, locationWords, requestEventsOf, requestItemsOf } from './request-store';

export function retrievalUpdateFileName(requestNumber: string): string {
  return `${requestNumber.replace(/[^A-Za-z0-9._-]+/g, '_')}-retrieval-update.json`;
}

/** The update as the request stands now, sealed and checked against its own schema. Nothing is written. */
export function buildRetrievalUpdate(context: CatalogContext, id: number): RetrievalUpdate {
  const request = getRequestRow(context, id);
  const summary = requestSummary(context, id, context.now().slice(0, 10))!;
  // In a records center's catalog, the catalog's own profile is the center's.
  const center = getDepartment(context);
  const kinds: readonly string[] = retrievalEventKinds;
  const unsealed: Omit<RetrievalUpdate, 'fingerprint'> = {
    format: RETRIEVAL_UPDATE_FORMAT,
    request: { number: request.number, fingerprint: request.fingerprint },
    department: { name: summary.department.name, code: summary.department.code },
    recordsCenter: { name: center.name, contactName: center.contactName, contactPhone: center.contactPhone, contactEmail: center.contactEmail },
    issuedAt: context.now(),
    status: request.status,
    items: requestItemsOf(context, id).map((item) => ({
      boxId: item.box_code,
      boxSequence: item.sequence,
      folderPosition: item.folder_position,
      status: item.status,
      checkedOutTo: item.checked_out_to,
      checkedOutAt: item.checked_out_at,
      dueBack: item.due_back,
      location: item.withdrawn_at !== null ? null : locationWords(item),
    })),
    answer: request.answer_note === null ? null : { note: request.answer_note, files: JSON.parse(request.answer_files ?? '[]') as string[] },
    events: requestEventsOf(context, id)
      .filter((event) => kinds.includes(event.kind))
      .map((event) => ({
        seq: event.seq,
        boxId: event.box_code,
        folderPosition: event.folder_position,
        kind: event.kind as RetrievalEventKind,
        at: event.at,
        actor: event.actor,
        detail: String((JSON.parse(event.detail) as { text?: unknown }).text ?? ''),
      })),
  };
  const update = { ...unsealed, fingerprint: sealFingerprint(unsealed) };
  const checked = retrievalUpdateSchema.safeParse(update);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('internal', `The update for request ${request.number} came out wrong (${issue.path.join('.') || 'the whole file'}: ${issue.message}); no file was written.`);
  }
  return update;
}

export async function writeRetrievalUpdate(context: CatalogContext, id: number, outDir: string): Promise<{ path: string; fingerprint: string }> {
  const update = buildRetrievalUpdate(context, id);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, retrievalUpdateFileName(update.request.number));
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(update, null, 2)}\n`), { overwrite: true });
  return { path, fingerprint: update.fingerprint };
}
