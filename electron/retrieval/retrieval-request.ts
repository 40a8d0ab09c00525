// Asking the records center for boxes or folders back: the request file (transmittal-retrieval-request/1, sealed)
// and its one-page PDF, written side by side, and the request recorded with a "requested" custody event on each
// box or folder. What was asked is what happened: kept, never undone.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RetrievalRequested } from '../../shared/api/contract-retrieval';
import { buildRetrievalRequestPdf } from '../../shared/documents/retrieval-request-pdf';
import { AppError } from '../../shared/domain/errors';
import { count, pad } from '../../shared/domain/words';
import {
  RETRIEVAL_REQUEST_FORMAT,
  retrievalRequestSchema,
  retrievalServiceLabels,
  serviceScope,
  type RetrievalRequest,
  type RetrievalService,
  type RetrievalUrgency,
} from '../../shared/exchange/retrieval';
import { transferPrefix } from '../../shared/transfer/numbering';
import { recordedChange } from '../center/center-change';
import type { CatalogContext } from '../catalog/context';
import { getDepartment } from '../catalog/profile-store';
import { appendCustodyEvents } from '../custody/custody-events';
import { sealFingerprint } from '../exchange/fingerprint';
import { loadFonts } from '../exchange/fonts';
import { writeFileAtomic } from '../storage/file-system';
import { itemWords, retrievalOptions } from './retrieval-options';

export interface RequestInput {
  boxIds: number[];
  folderIds: number[];
  service: RetrievalService;
  urgency: RetrievalUrgency;
  neededBy?: string;
  neededFor: string;
  deliverTo: string;
  note: string;
}

const NUMBER_DIGITS = 4;

/** "PW-RQ-2026-0007": the department's prefix as transfer numbers use it, then the next number free this year. */
export function nextRequestNumber(context: CatalogContext, year: number): string {
  const head = `${transferPrefix(getDepartment(context).code)}-RQ-${year}-`;
  let highest = 0;
  for (const number of context.db.column<string>('SELECT number FROM retrieval_request WHERE number LIKE ?', [`${head}%`])) {
    const rest = number.slice(head.length);
    if (/^\d{1,9}$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${head}${pad(highest + 1, NUMBER_DIGITS)}`;
}

export function requestFileName(number: string): string {
  return `${number.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-retrieval-request.json`;
}

/** Checks everything and builds the sealed request, writing nothing. */
export function buildRequest(context: CatalogContext, input: RequestInput) {
  const options = retrievalOptions(context, input);
  if (options.problem || !options.recordsCenter) {
    throw new AppError('invalid-input', `${options.problem ?? 'There is no records center to ask.'} Nothing was requested.`, { field: 'boxIds' });
  }
  const center = options.recordsCenter;
  const label = retrievalServiceLabels[input.service].toLowerCase();
  if (!options.services.includes(input.service)) {
    throw new AppError(
      'invalid-input',
      `${center.name} does not offer “${label}”: it offers ${options.services.map((service) => `“${retrievalServiceLabels[service].toLowerCase()}”`).join(', ')}. ` +
        'Choose one of those, or ask the center. Nothing was requested.',
      { field: 'service' },
    );
  }
  const scope = serviceScope[input.service];
  if (scope === 'box' && input.folderIds.length > 0) {
    throw new AppError('invalid-input', `“${retrievalServiceLabels[input.service]}” is for whole boxes: choose the boxes, not folders. Nothing was requested.`, { field: 'folderIds' });
  }
  if (scope === 'folder' && input.boxIds.length > 0) {
    throw new AppError('invalid-input', `“${retrievalServiceLabels[input.service]}” is for single folders: choose the folders, not whole boxes. Nothing was requested.`, { field: 'boxIds' });
  }
  const blocked = options.candidates.filter((each) => each.blocked);
  if (blocked.length > 0) {
    const first = blocked[0];
    const more = blocked.length > 1 ? ` (and ${count(blocked.length - 1, 'other')})` : '';
    throw new AppError('invalid-input', `${capitalize(itemWords(first))} cannot be asked for now: ${first.blocked}${more}. Nothing was requested.`, {
      field: first.folder ? 'folderIds' : 'boxIds',
    });
  }

  const department = getDepartment(context);
  const createdAt = context.now();
  const number = nextRequestNumber(context, Number(createdAt.slice(0, 4)));
  const unsealed: Omit<RetrievalRequest, 'fingerprint'> = {
    format: RETRIEVAL_REQUEST_FORMAT,
    request: {
      number,
      createdAt,
      service: input.service,
      urgency: input.urgency,
      neededBy: input.neededBy ?? null,
      dueBy: options.dueBy,
      requestedBy: context.history.actor,
      neededFor: input.neededFor,
      deliverTo: input.deliverTo,
      note: input.note,
    },
    department: {
      name: department.name,
      code: department.code,
      contactName: department.contactName,
      contactPhone: department.contactPhone,
      contactEmail: department.contactEmail,
    },
    recordsCenter: { name: center.name },
    items: options.candidates.map((each) => ({
      transferNumber: each.transferNumber,
      manifestFingerprint: each.manifestFingerprint,
      accessionNumber: each.accessionNumber,
      boxSequence: each.boxSequence,
      boxId: each.boxId,
      boxLabel: each.boxLabel,
      centerBoxNumber: each.centerBoxNumber,
      location: each.location,
      folder: each.folder,
      legalHold: each.legalHold,
    })),
  };
  const request: RetrievalRequest = { ...unsealed, fingerprint: sealFingerprint(unsealed) };
  // Held to the published schema before it leaves: the center's import holds it to the same.
  const checked = retrievalRequestSchema.safeParse(request);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('internal', `Request ${number} does not match its schema at ${issue.path.join('.')}: ${issue.message}.`);
  }

  const warnings: string[] = [];
  if (input.neededBy && options.dueBy && input.neededBy < options.dueBy) {
    warnings.push(
      `Needed by ${input.neededBy}, but ${center.name}'s turnaround is ${count(center.turnaroundWorkingDays ?? 0, 'working day')}: expect it by ${options.dueBy}.`,
    );
  }
  for (const each of options.candidates.filter((candidate) => candidate.legalHold)) {
    warnings.push(`${capitalize(itemWords(each))} is on legal hold: a hold does not stop a retrieval; the center is told.`);
  }
  warnings.push(...onDispositionNotice(context, options.candidates));
  return { request, options, center, warnings };
}

/**
 * A box asked for that is also on a disposition notice not yet carried out (unanswered, or approved): the center does
 * not carry out a box on a request it has taken in and not finished, and the notice still stands, so the person is
 * told both.
 */
function onDispositionNotice(context: CatalogContext, candidates: { boxIdInCatalog: number; boxLabel: string }[]): string[] {
  const warnings: string[] = [];
  for (const boxId of [...new Set(candidates.map((each) => each.boxIdInCatalog))]) {
    const row = context.db.get<{ number: string; respond_by: string; answer: string | null }>(
      `SELECT n.number, n.respond_by, nb.answer FROM disposition_notice_box nb JOIN disposition_notice n ON n.id = nb.notice_id
       WHERE nb.box_id = ? AND n.department_id IS NULL AND nb.executed IS NULL ORDER BY n.id DESC LIMIT 1`,
      [boxId],
    );
    if (!row || (row.answer !== null && row.answer !== 'approve')) continue;
    const label = candidates.find((each) => each.boxIdInCatalog === boxId)!.boxLabel;
    const state = row.answer === 'approve' ? `was approved for disposition on notice ${row.number}` : `is on disposition notice ${row.number} (your answer is due by ${row.respond_by})`;
    warnings.push(`Box ${label} ${state}: once the center takes this request in, it does not carry out the box's disposition until the request is done; the notice still stands.`);
  }
  return warnings;
}

export async function requestRetrieval(context: CatalogContext, input: RequestInput, outDir: string): Promise<Omit<RetrievalRequested, 'download' | 'pdfDownload'>> {
  const { request, options, center, warnings } = buildRequest(context, input);
  const { number } = request.request;
  const fingerprint = request.fingerprint;

  // The files first: a request is recorded only once both are on disk to send.
  const pdf = await buildRetrievalRequestPdf(request, { fingerprint, ...(await loadFonts()) });
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, requestFileName(number));
  const pdfPath = path.replace(/\.json$/, '.pdf');
  await writeFileAtomic(pdfPath, pdf, { overwrite: true });
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(request, null, 2)}\n`), { overwrite: true });

  const service = retrievalServiceLabels[input.service].toLowerCase();
  const id = recordedChange(context, `Ask ${center.name} for ${count(options.candidates.length, 'item')} (${number})`, () => {
    const now = request.request.createdAt;
    const requestId = context.db.run(
      `INSERT INTO retrieval_request (number, service, urgency, center_name, needed_by, due_by, requested_by, needed_for, deliver_to, note,
         created_at, json, fingerprint, status, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?)`,
      [
        number, input.service, input.urgency, center.name, request.request.neededBy, request.request.dueBy, request.request.requestedBy,
        input.neededFor, input.deliverTo, input.note, now, JSON.stringify(request), fingerprint, now,
      ],
    ).lastInsertRowid;
    context.db.runMany(
      'INSERT INTO retrieval_item (request_id, box_id, folder_id, transfer_id) VALUES (?, ?, ?, ?)',
      options.candidates.map((each) => [requestId, each.boxIdInCatalog, each.folderIdInCatalog, each.transferId!]),
    );
    const whom = input.neededFor ? ` for ${input.neededFor}` : '';
    appendCustodyEvents(
      context,
      options.candidates.map((each) => ({
        boxId: each.boxIdInCatalog,
        folderId: each.folderIdInCatalog,
        transferId: each.transferId,
        kind: 'requested' as const,
        at: now,
        detail: { text: `Asked ${center.name} for ${itemWords(each)} (${service})${whom} on request ${number}`, request: number },
      })),
    );
    return requestId;
  });

  const due = options.dueBy ? `, expected by ${options.dueBy}` : '';
  return {
    id,
    number,
    fingerprint,
    dueBy: options.dueBy,
    path,
    pdfPath,
    warnings,
    message:
      `Request ${number} asks ${center.name} for ${count(options.candidates.length, 'item')} (${service})${due}. ` +
      `Send ${requestFileName(number)} or its PDF to the center.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
