// The contract's disposition and legal hold calls (shared/api/contract-disposition.ts), for both roles: the
// catalog's role decides which side of each exchange a call is. A file taken in is told by its format, never by its
// name: a department takes in notices, certificates and hold acknowledgments, a center takes in responses and
// departments' legal holds.
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { dispositionContract, TakenIn } from '../../shared/api/contract-disposition';
import type { Role } from '../../shared/api/contract-kit';
import { AppError } from '../../shared/domain/errors';
import {
  DISPOSITION_CERTIFICATE_FORMAT,
  DISPOSITION_NOTICE_FORMAT,
  DISPOSITION_RESPONSE_FORMAT,
  LEGAL_HOLD_ACKNOWLEDGMENT_FORMAT,
  LEGAL_HOLD_FORMAT,
} from '../../shared/exchange/disposition';
import type { CatalogContext } from '../catalog/context';
import { readMeta } from '../catalog/open-catalog';
import type { HandlerContext } from '../runtime/handler-context';
import { describeFileError, hasErrorCode } from '../storage/file-system';
import { NotRegularFileError, readRegularFile } from '../storage/regular-file';
import { dueList, executeNotice, writeNotice } from './center/center-disposition';
import { importResponse } from './center/response-import';
import { importCertificate } from './department/certificate-import';
import { importNotice } from './department/notice-import';
import { respondToNotice } from './department/respond';
import { getNotice, listNotices } from './notices';
import { importHoldAcknowledgment, writeHoldAcknowledgment } from './holds/hold-acknowledgment';
import { createHold, getHold, importHoldFile, liftHold, listHolds, previewHold, writeHoldFile } from './holds/holds';
import { listPaperwork, setPaperworkYears } from './paperwork';

/** Where the app writes disposition papers unless told otherwise. */
export const DISPOSITION_FOLDER = 'Disposition';
/** A notice of 10,000 boxes of 25 folders is ~10 MB of JSON: 64 MB is beyond any real one. */
const MAX_BYTES = 64 * 1024 * 1024;

const refuse = (message: string, fileName: string) => new AppError('invalid-input', `${message} Nothing was changed.`, { field: 'file', file: fileName });

async function readExchangeFile(path: string, fileName: string): Promise<{ json: unknown; format: string | null }> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, { maxBytes: MAX_BYTES });
  } catch (error) {
    if (error instanceof NotRegularFileError) throw refuse(`${fileName} is ${error.kind}, not a disposition or legal hold file.`, fileName);
    if (hasErrorCode(error, 'EFBIG')) throw refuse(`${fileName} is larger than any disposition file.`, fileName);
    throw new AppError('io-failed', `${fileName} could not be read: ${describeFileError(error)}.`, { file: fileName });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw refuse(`${fileName} is not a JSON file, so it is not a disposition notice, response, certificate or legal hold.`, fileName);
  }
  const format = (json as { format?: unknown } | null)?.format;
  return { json, format: typeof format === 'string' ? format : null };
}

const TAKEN_BY: Record<Role, Record<string, string>> = {
  department: { [DISPOSITION_NOTICE_FORMAT]: 'notice', [DISPOSITION_CERTIFICATE_FORMAT]: 'certificate', [LEGAL_HOLD_ACKNOWLEDGMENT_FORMAT]: 'hold-acknowledgment' },
  'records-center': { [DISPOSITION_RESPONSE_FORMAT]: 'response', [LEGAL_HOLD_FORMAT]: 'hold' },
};

function takeIn(context: CatalogContext, role: Role, json: unknown, format: string | null, fileName: string): TakenIn {
  const kind = format === null ? undefined : TAKEN_BY[role][format];
  if (kind === 'notice') return importNotice(context, json, fileName);
  if (kind === 'certificate') return importCertificate(context, json, fileName);
  if (kind === 'response') return importResponse(context, json, fileName);
  if (kind === 'hold') return importHoldFile(context, json, fileName);
  if (kind === 'hold-acknowledgment') return importHoldAcknowledgment(context, json, fileName);
  const stated = format === null ? 'not stated' : `“${format.slice(0, 60)}”`;
  const here = role === 'department' ? 'a disposition notice, certificate or legal hold acknowledgment from the records center' : 'a department’s disposition response or legal hold';
  const other = format !== null && TAKEN_BY[role === 'department' ? 'records-center' : 'department'][format] !== undefined;
  throw refuse(`${fileName} is not ${here} (its format is ${stated})${other ? ': it is for the other side of the exchange' : ''}.`, fileName);
}

export function dispositionHandlers(context: HandlerContext): Pick<ApiHandlers, keyof typeof dispositionContract> {
  const outDir = (given: string | undefined) => resolve(context.workspaceDir, given ?? DISPOSITION_FOLDER);
  return {
    'center.disposition.due': ({ from, to }) => dueList(context.current(), from, to),
    'center.disposition.notice': async (input) => {
      const written = await writeNotice(context.current(), { ...input, outDir: outDir(input.outDir) });
      return { ...written, download: await context.files.offer(written.path), pdfDownload: await context.files.offer(written.pdfPath) };
    },
    'center.disposition.execute': async (input) => {
      const written = await executeNotice(context.current(), { ...input, outDir: outDir(input.outDir) });
      return { ...written, download: await context.files.offer(written.path), pdfDownload: await context.files.offer(written.pdfPath) };
    },
    'disposition.respond': async (input) => {
      const written = await respondToNotice(context.current(), { ...input, outDir: outDir(input.outDir) });
      return { ...written, download: await context.files.offer(written.path), pdfDownload: await context.files.offer(written.pdfPath) };
    },
    'disposition.import': async ({ file }) => {
      const catalog = context.current();
      const found = context.files.resolve(file);
      try {
        const { json, format } = await readExchangeFile(found.uploaded ? found.path : resolve(found.path), found.fileName);
        const role: Role = readMeta(catalog.db, 'role') === 'records-center' ? 'records-center' : 'department';
        return takeIn(catalog, role, json, format, found.fileName);
      } finally {
        await context.files.release(file);
      }
    },
    'disposition.notices': ({ show }) => listNotices(context.current(), show),
    'disposition.get': ({ id }) => getNotice(context.current(), id),
    'holds.list': ({ show }) => listHolds(context.current(), show),
    'holds.get': ({ id }) => getHold(context.current(), id),
    'holds.preview': ({ scope }) => previewHold(context.current(), scope),
    'holds.create': (input) => createHold(context.current(), input),
    'holds.lift': ({ id, reason }) => liftHold(context.current(), id, reason),
    'holds.write': async ({ id, outDir: given }) => {
      const written = await writeHoldFile(context.current(), id, outDir(given));
      return { ...written, download: await context.files.offer(written.path) };
    },
    'holds.acknowledge': async ({ id, outDir: given }) => {
      // The contract lets only a records center's catalog call it.
      const written = await writeHoldAcknowledgment(context.current(), id, outDir(given));
      return { ...written, download: await context.files.offer(written.path) };
    },
    'paperwork.list': ({ query, limit }) => listPaperwork(context.current(), query, limit),
    'paperwork.setYears': ({ years }) => setPaperworkYears(context.current(), years),
  };
}
