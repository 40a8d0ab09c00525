// Taking in a department's retrieval request: every item must name a box this center holds for that same
// department (by the manifest fingerprint of the transfer that sent it and the box's barcode), still on hand, and
// any folder it names must be in that box. All of it is checked before anything is written; then the request, its
// items and a "requested" custody event per item go in as one recorded change. The same file twice changes nothing.
import type { CenterRequestImported } from '../../../shared/api/contract-retrieval';
import { retrievalServiceLabels, serviceScope, type RetrievalRequest } from '../../../shared/exchange/retrieval';
import type { CatalogContext } from '../../catalog/context';
import { appendCustodyEvents, type NewCustodyEvent } from '../../custody/custody-events';
import { recordedChange } from '../center-change';
import { findDepartment } from '../department-store';
import { refuseRequest, type ReceivedRequest } from './request-file';
import { requestSummary } from './request-queue';
import {
  accessionByManifest,
  departmentHoldsAnything,
  holdingBoxByCode,
  holdingFolderAt,
  insertRequest,
  numberRequestEvents,
  requestByNumber,
  requestIdByFingerprint,
} from './request-store';

interface CheckedItem {
  holdingBoxId: number;
  accessionId: number;
  accessionNumber: string;
  folderId: number | null;
  folderPosition: number | null;
}

export function takeInRequest(context: CatalogContext, received: ReceivedRequest, fileName: string): CenterRequestImported {
  const { request } = received;
  const today = context.now().slice(0, 10);
  const number = request.request.number;
  const existing = requestIdByFingerprint(context, request.fingerprint);
  if (existing !== null) {
    const summary = requestSummary(context, existing, today)!;
    return {
      request: summary, alreadyImported: true,
      message: `Request ${number} from ${request.department.name} was taken in already on ${summary.receivedAt.slice(0, 10)}: nothing changed.`,
    };
  }
  const departmentWords = `${request.department.name}${request.department.code ? ` (${request.department.code})` : ''}`;
  const department = findDepartment(context, request.department);
  if (!department || !departmentHoldsAnything(context, department.id)) {
    throw refuseRequest(`${fileName} is a request from ${departmentWords}, but this records center holds no records of that department.`, {
      file: fileName, field: 'department',
    });
  }
  const sameNumber = requestByNumber(context, department.id, number);
  if (sameNumber) {
    throw refuseRequest(
      `${fileName} is request ${number} from ${departmentWords}, but a different request with that number was taken in on ` +
        `${sameNumber.received_at.slice(0, 10)}. A request is never rewritten: ask the department to send its changes as a new request.`,
      { file: fileName, field: 'request.number' },
    );
  }
  const items = request.items.map((item, index) => checkItem(context, request, index, department.id, fileName));

  const actor = context.history.actor;
  const receivedAt = context.now();
  const serviceWords = retrievalServiceLabels[request.request.service].toLowerCase();
  const id = recordedChange(context, `Take in retrieval request ${number} from ${request.department.name}`, () => {
    const requestId = insertRequest(context, {
      departmentId: department.id,
      number,
      fingerprint: request.fingerprint,
      service: request.request.service,
      urgency: request.request.urgency,
      neededBy: request.request.neededBy,
      dueBy: request.request.dueBy,
      requestedBy: request.request.requestedBy,
      neededFor: request.request.neededFor,
      deliverTo: request.request.deliverTo,
      note: request.request.note,
      json: received.text,
      receivedAt,
      receivedBy: actor,
      queueDate: request.request.dueBy ?? request.request.neededBy ?? receivedAt.slice(0, 10),
      items: items.map((item) => ({ holdingBoxId: item.holdingBoxId, folderPosition: item.folderPosition })),
    });
    const events: NewCustodyEvent[] = items.map((item) => ({
      boxId: item.holdingBoxId,
      folderId: item.folderId,
      transferId: item.accessionId,
      kind: 'requested',
      at: receivedAt,
      detail: {
        text: `Requested by ${request.request.requestedBy} (${request.department.name}) on ${number}: ${serviceWords}`,
        request: number,
        accession: item.accessionNumber,
      },
    }));
    appendCustodyEvents(context, events);
    numberRequestEvents(context, requestId, events.length);
    return requestId;
  });
  return {
    request: requestSummary(context, id, today)!,
    alreadyImported: false,
    message: `Request ${number} from ${request.department.name} is in the queue: ${items.length === 1 ? 'one item' : `${items.length} items`}, ${serviceWords}.`,
  };
}

/** One item checked against the holdings; refuses the whole file, naming the item, when it does not match. */
function checkItem(context: CatalogContext, request: RetrievalRequest, index: number, departmentId: number, fileName: string): CheckedItem {
  const item = request.items[index];
  const field = `items.${index}`;
  const which = `Item ${index + 1} of ${fileName} (box ${item.boxId})`;
  const refuse = (why: string, itemField = field) => refuseRequest(`${which} ${why}`, { file: fileName, field: itemField });
  const accession = accessionByManifest(context, item.manifestFingerprint);
  if (!accession) {
    throw refuse(
      `names transfer ${item.transferNumber}, but no accession of this records center has its manifest (fingerprint ${item.manifestFingerprint.slice(0, 12)}…).`,
      `${field}.manifestFingerprint`,
    );
  }
  if (accession.department_id !== departmentId) {
    throw refuse(
      `belongs to ${accession.department_name} (accession ${accession.accession_number}), not ${request.department.name}: a department can only ask for its own records.`,
      `${field}.manifestFingerprint`,
    );
  }
  const box = holdingBoxByCode(context, accession.id, item.boxId);
  if (!box) throw refuse(`is not a box of accession ${accession.accession_number}.`, `${field}.boxId`);
  if (box.status === 'missing') {
    throw refuse(`was recorded missing at check-in${box.checked_in_at ? ` on ${box.checked_in_at.slice(0, 10)}` : ''}: it is not on the shelf to send.`, `${field}.boxId`);
  }
  if (box.status === 'expected') throw refuse(`has not been checked in at this records center yet.`, `${field}.boxId`);
  if (box.withdrawn_at !== null) {
    throw refuse(`was withdrawn for good on ${box.withdrawn_at.slice(0, 10)}: it is back with the department, no longer at this records center.`, `${field}.boxId`);
  }
  // One open request a box at a time: two would let the same box be lent twice, or re-filed while it is out.
  const busy = context.db.get<{ number: string; received_at: string }>(
    `SELECT r.number, r.received_at FROM center_request_item i JOIN center_request r ON r.id = i.request_id
      WHERE i.holding_box_id = ? AND r.closed_at IS NULL ORDER BY r.id LIMIT 1`,
    [box.id],
  );
  if (busy) {
    throw refuse(
      `is on request ${busy.number}, taken in on ${busy.received_at.slice(0, 10)} and not finished: finish or refuse that request first, then take this one in again.`,
      `${field}.boxId`,
    );
  }
  const scope = serviceScope[request.request.service];
  if (scope === 'folder' && item.folder === null) throw refuse('names no folder, but a folder loan is of one folder.', `${field}.folder`);
  if (scope === 'box' && item.folder !== null) {
    throw refuse(`names folder ${item.folder.position}, but ${retrievalServiceLabels[request.request.service].toLowerCase()} is of the whole box.`, `${field}.folder`);
  }
  if (item.folder === null) return { holdingBoxId: box.id, accessionId: accession.id, accessionNumber: accession.accession_number, folderId: null, folderPosition: null };
  const folder = holdingFolderAt(context, box.id, item.folder.position);
  if (!folder) throw refuse(`names folder ${item.folder.position} “${item.folder.title}”, but the box holds no folder at that position.`, `${field}.folder.position`);
  return { holdingBoxId: box.id, accessionId: accession.id, accessionNumber: accession.accession_number, folderId: folder.id, folderPosition: item.folder.position };
}
