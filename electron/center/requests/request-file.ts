// Reading a department's retrieval request file (transmittal-retrieval-request/1): JSON, the right format, every
// field as the schema says, and its seal intact. What it asks for is checked against the holdings in request-intake.ts.
import { AppError } from '../../../shared/domain/errors';
import { RETRIEVAL_REQUEST_FORMAT, retrievalRequestSchema, type RetrievalRequest } from '../../../shared/exchange/retrieval';
import { sealFingerprint } from '../../exchange/fingerprint';
import { describeFileError, hasErrorCode } from '../../storage/file-system';
import { NotRegularFileError, readRegularFile } from '../../storage/regular-file';

/** A request is a few kilobytes even for 500 items: 16 MB is far beyond any real one. */
export const REQUEST_MAX_BYTES = 16 * 1024 * 1024;

export const refuseRequest = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('invalid-input', `${message} Nothing was changed.`, { field: 'file', ...details });

export interface ReceivedRequest {
  request: RetrievalRequest;
  /** The file's text as received, kept on the request row. */
  text: string;
}

export async function readRequestFile(path: string, fileName: string): Promise<ReceivedRequest> {
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path, { maxBytes: REQUEST_MAX_BYTES });
  } catch (error) {
    if (error instanceof NotRegularFileError) throw refuseRequest(`${fileName} is ${error.kind}, not a retrieval request.`, { file: fileName });
    if (hasErrorCode(error, 'EFBIG')) throw refuseRequest(`${fileName} is larger than any retrieval request a department writes.`, { file: fileName });
    throw new AppError('io-failed', `${fileName} could not be read: ${describeFileError(error)}.`, { file: fileName });
  }
  return parseRequestFile(bytes, fileName);
}

export function parseRequestFile(bytes: Uint8Array, fileName: string): ReceivedRequest {
  let text: string;
  let json: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    json = JSON.parse(text);
  } catch {
    throw refuseRequest(`${fileName} is not a JSON file, so it is not a department’s retrieval request.`, { file: fileName });
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== RETRIEVAL_REQUEST_FORMAT) {
    const stated = typeof format === 'string' ? `“${format.slice(0, 60)}”` : 'not stated';
    throw refuseRequest(`${fileName} is not a retrieval request (its format is ${stated}; expected ${RETRIEVAL_REQUEST_FORMAT}).`, { file: fileName });
  }
  const parsed = retrievalRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length === 0 ? '(the whole file)' : issue.path.map(String).join('.');
    throw refuseRequest(`${fileName} is damaged or was changed by hand: field ${field}: ${issue.message}.`, { file: fileName, field });
  }
  // The seal is over the canonical form, so re-indenting the file keeps it valid; changing any value does not.
  if (sealFingerprint(parsed.data) !== parsed.data.fingerprint) {
    throw refuseRequest(
      `${fileName} was changed after it was written: its content does not match its fingerprint. Ask ${parsed.data.department.name} to send the request again.`,
      { file: fileName, field: 'fingerprint' },
    );
  }
  return { request: parsed.data, text };
}
