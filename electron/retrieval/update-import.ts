// Taking in the records center's retrieval update (transmittal-retrieval-update/1): where one of this catalog's
// requests stands, each item's state, and the center's custody events for it, numbered. Only the events not yet
// taken in are added, so both timelines agree however many updates arrive. An update must answer a request this
// catalog wrote, by that request's own fingerprint; a changed file, another catalog's request, or a box the request
// did not name is refused with what it is, and nothing changes. The same file twice changes nothing.
import type { RetrievalUpdateImported } from '../../shared/api/contract-retrieval';
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import {
  RETRIEVAL_UPDATE_FORMAT,
  retrievalUpdateSchema,
  type RetrievalRequest,
  type RetrievalUpdate,
} from '../../shared/exchange/retrieval';
import { recordedChange } from '../center/center-change';
import type { CatalogContext } from '../catalog/context';
import { appendCustodyEvents, type NewCustodyEvent } from '../custody/custody-events';
import { sealFingerprint } from '../exchange/fingerprint';

/** An update is a few hundred bytes an item and event: 16 MB is far beyond any real one. */
export const RETRIEVAL_UPDATE_MAX_BYTES = 16 * 1024 * 1024;

function refuse(message: string): never {
  throw new AppError('invalid-input', `${message} Nothing was changed.`, { field: 'file' });
}

export function parseRetrievalUpdate(bytes: Uint8Array, fileName: string): RetrievalUpdate {
  if (bytes.byteLength > RETRIEVAL_UPDATE_MAX_BYTES) {
    refuse(`${fileName} is ${Math.round(bytes.byteLength / 1048576)} MB: far larger than any retrieval update.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    refuse(`${fileName} is not a JSON file, so it is not a retrieval update from a records center.`);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== RETRIEVAL_UPDATE_FORMAT) {
    refuse(
      `${fileName} is not a retrieval update (its format is ${typeof format === 'string' ? `“${format.slice(0, 60)}”` : 'not stated'}; ` +
        `expected ${RETRIEVAL_UPDATE_FORMAT}).`,
    );
  }
  const parsed = retrievalUpdateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(`${fileName} is damaged or was changed by hand: ${issue.path.join('.') || 'the file'}: ${issue.message}.`);
  }
  if (sealFingerprint(parsed.data) !== parsed.data.fingerprint) {
    refuse(`${fileName} was changed by hand after the records center wrote it (its seal does not match its content). Ask the center to send it again.`);
  }
  return parsed.data;
}

interface RequestRow { id: number; number: string; fingerprint: string; json: string; center_name: string }
interface ItemRow { id: number; box_id: number; folder_id: number | null; transfer_id: number }

/** "box PW-3" or "folder 2 of box PW-3", as the request quoted it. */
function itemName(quoted: RetrievalRequest['items'][number]): string {
  return quoted.folder ? `folder ${quoted.folder.position} “${quoted.folder.title}” of box ${quoted.boxLabel}` : `box ${quoted.boxLabel}`;
}

export function importRetrievalUpdate(context: CatalogContext, bytes: Uint8Array, fileName: string): RetrievalUpdateImported {
  const update = parseRetrievalUpdate(bytes, fileName);
  const request = context.db.get<RequestRow>('SELECT id, number, fingerprint, json, center_name FROM retrieval_request WHERE number = ?', [update.request.number]);
  if (!request) {
    throw new AppError(
      'not-found',
      `${fileName} answers request ${update.request.number}, which this catalog never made: it belongs to another department or catalog. Nothing was changed.`,
      { field: 'file' },
    );
  }
  if (request.fingerprint !== update.request.fingerprint) {
    refuse(
      `${fileName} answers another request numbered ${update.request.number} (fingerprint ${update.request.fingerprint.slice(0, 16)}…, but the one this catalog ` +
        `wrote is ${request.fingerprint.slice(0, 16)}…): it belongs to another department or catalog.`,
    );
  }
  const center = update.recordsCenter.name;
  const already = context.db.get('SELECT 1 FROM retrieval_update WHERE fingerprint = ?', [update.fingerprint]);
  if (already) {
    return {
      requestId: request.id, requestNumber: request.number, status: update.status, alreadyImported: true, newEvents: 0,
      message: `This update of ${request.number} from ${center} was taken in already: nothing changed.`,
    };
  }

  // Each box or folder the update names must be one the request asked for (matched by box id and folder number).
  const quoted = (JSON.parse(request.json) as RetrievalRequest).items;
  const rows = context.db.all<ItemRow>('SELECT id, box_id, folder_id, transfer_id FROM retrieval_item WHERE request_id = ? ORDER BY id', [request.id]);
  const key = (boxId: string, folderPosition: number | null) => `${boxId}\u0000${folderPosition ?? ''}`;
  const byKey = new Map(quoted.map((each, index) => [key(each.boxId, each.folder?.position ?? null), { quoted: each, row: rows[index] }]));
  const byBox = new Map(quoted.map((each, index) => [each.boxId, { quoted: each, row: rows[index] }]));
  const named = (boxId: string, folderPosition: number | null, what: string) => {
    const found = byKey.get(key(boxId, folderPosition));
    // An event may name a folder of a box the request asked for whole, or the box of a folder it asked for.
    const box = byBox.get(boxId);
    if (!found && !box) refuse(`${fileName} names box ${boxId}${folderPosition ? `, folder ${folderPosition}` : ''} in ${what}, which request ${request.number} did not ask for.`);
    return found ?? box!;
  };
  for (const item of update.items) {
    if (!byKey.has(key(item.boxId, item.folderPosition))) {
      refuse(`${fileName} names box ${item.boxId}${item.folderPosition ? `, folder ${item.folderPosition}` : ''}, which request ${request.number} did not ask for.`);
    }
  }
  for (const event of update.events) named(event.boxId, event.folderPosition, `event ${event.seq}`);

  const lastSeq = context.db.get<{ seq: number | null }>('SELECT max(last_event_seq) AS seq FROM retrieval_update WHERE request_id = ?', [request.id])?.seq ?? 0;
  const latestIssued = context.db.get<{ at: string | null }>('SELECT max(issued_at) AS at FROM retrieval_update WHERE request_id = ?', [request.id])?.at ?? null;
  // An older update arriving after a newer one brings no news: its events are already in, and its states are stale.
  const current = latestIssued === null || update.issuedAt >= latestIssued;
  const fresh = update.events.filter((event) => event.seq > lastSeq).sort((a, b) => a.seq - b.seq);
  const events: NewCustodyEvent[] = fresh
    // The center's "requested" is its receipt of the request: the department recorded its own "requested" event when
    // it asked, and a second one would read on the timeline as if the box had been asked for twice.
    .filter((event) => event.kind !== 'requested')
    .map((event) => {
      const target = named(event.boxId, event.folderPosition, `event ${event.seq}`);
      const folderId = event.folderPosition === null ? null : target.quoted.folder?.position === event.folderPosition ? target.row.folder_id : null;
      return {
        boxId: target.row.box_id,
        folderId,
        transferId: target.row.transfer_id,
        kind: event.kind,
        at: event.at,
        actor: `${event.actor} (${center})`,
        detail: { text: event.detail, request: request.number, update: update.fingerprint },
      };
    });

  recordedChange(context, `Take in ${center}'s update of ${request.number}`, () => {
    const now = context.now();
    appendCustodyEvents(context, events);
    if (current) {
      for (const item of update.items) {
        const { row } = byKey.get(key(item.boxId, item.folderPosition))!;
        context.db.run('UPDATE retrieval_item SET status = ?, checked_out_to = ?, checked_out_at = ?, due_back = ?, location = ? WHERE id = ?', [
          item.status, item.checkedOutTo, item.checkedOutAt, item.dueBack, item.location, row.id,
        ]);
        if (item.folderPosition !== null) continue;
        // A box withdrawn for good is the office's again (its status follows from the "withdrawn" event); a box
        // re-filed elsewhere is where the center now says.
        if (item.status === 'withdrawn') context.db.run('DELETE FROM box_at_center WHERE box_id = ?', [row.box_id]);
        if (item.status === 'refiled' && item.location) {
          context.db.run('UPDATE box_at_center SET location = ?, updated_at = ? WHERE box_id = ?', [item.location, now, row.box_id]);
        }
      }
      context.db.run('UPDATE retrieval_request SET status = ?, answer_note = ?, answer_files = ?, updated_at = ? WHERE id = ?', [
        update.status, update.answer?.note ?? null, update.answer ? JSON.stringify(update.answer.files) : null, now, request.id,
      ]);
    }
    context.db.run(
      'INSERT INTO retrieval_update (request_id, fingerprint, json, status, issued_at, last_event_seq, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [request.id, update.fingerprint, JSON.stringify(update), update.status, update.issuedAt, Math.max(lastSeq, ...update.events.map((event) => event.seq)), now, context.history.actor],
    );
  });

  const news = current ? update.items.map((item) => itemNews(center, item, byKey.get(key(item.boxId, item.folderPosition))!.quoted)) : [];
  if (current && update.answer) news.push(`${center} answered: ${update.answer.note}${update.answer.files.length ? ` (${update.answer.files.join(', ')})` : ''}`);
  if (current && update.status === 'refused') news.push(`${center} refused request ${request.number}`);
  const message = current
    ? `${news.join('; ')}.${events.length ? ` ${count(events.length, 'event')} added to the timelines.` : ''}`
    : `This update of ${request.number} (issued ${update.issuedAt.slice(0, 10)}) is older than one already taken in: ` +
      `${events.length ? `${count(events.length, 'event')} added to the timelines, nothing else changed` : 'nothing changed'}.`;
  return { requestId: request.id, requestNumber: request.number, status: update.status, alreadyImported: false, newEvents: events.length, message };
}

/** "City Records Center checked out box PW-3 to the permits clerk on 2026-03-04, due back 2026-04-01" */
function itemNews(center: string, item: RetrievalUpdate['items'][number], quoted: RetrievalRequest['items'][number]): string {
  const what = itemName(quoted);
  switch (item.status) {
    case 'requested':
      return `${center} has the request for ${what} and has not pulled it yet`;
    case 'pulled':
      return `${center} pulled ${what} from its shelf`;
    case 'checked-out':
      return `${center} checked out ${what}${item.checkedOutTo ? ` to ${item.checkedOutTo}` : ''}${item.checkedOutAt ? ` on ${item.checkedOutAt.slice(0, 10)}` : ''}` +
        `${item.dueBack ? `, due back ${item.dueBack}` : ''}`;
    case 'returned':
      return `${center} has ${what} back, not yet re-filed`;
    case 'refiled':
      return `${center} re-filed ${what}${item.location ? ` at ${item.location}` : ''}`;
    case 'withdrawn':
      return `${center} gave ${what} back to the department for good: it is the office's again`;
  }
}
