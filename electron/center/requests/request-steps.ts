// Working a request, step by step: pull, check out, take back, re-file, answer, withdraw, or refuse. Which step may
// come now follows from the request's service and where its items stand; a step out of turn is refused in words
// that say what to record first. Each step is one recorded change with a custody event per item it moves, numbered
// within the request for the updates sent back to the department.
import type { CenterRequestAction, CenterRequestDetail, CenterRequestRecordInput } from '../../../shared/api/contract-retrieval';
import { centerRequestActions } from '../../../shared/api/contract-retrieval';
import { AppError } from '../../../shared/domain/errors';
import { retrievalServiceLabels, type RetrievalItemStatus, type RetrievalService, type RetrievalStatus } from '../../../shared/exchange/retrieval';
import type { CatalogContext } from '../../catalog/context';
import { appendCustodyEvents, type NewCustodyEvent } from '../../custody/custody-events';
import { recordedChange } from '../center-change';
import { requestSummary, itemWords } from './request-queue';
import {
  getRequestRow,
  locationForRefile,
  locationWords,
  numberRequestEvents,
  requestEventsOf,
  requestItemsOf,
  setItemsStatus,
  setRequestStatus,
  shelveBox,
  withdrawBox,
  type RequestItemRow,
  type RequestRow,
} from './request-store';

/** How long a loan lasts when the center does not say: the usual month. */
export const DEFAULT_LOAN_DAYS = 30;

const LOANS: readonly RetrievalService[] = ['box-loan', 'folder-loan'];
const ANSWERED: readonly RetrievalService[] = ['copy', 'review'];
const NOT_HANDED_OVER: readonly RetrievalStatus[] = ['open', 'pulled'];

export const requestStatusWords: Record<RetrievalStatus, string> = {
  open: 'open (not yet pulled)',
  pulled: 'pulled',
  'checked-out': 'checked out',
  returned: 'returned and re-filed',
  answered: 'answered',
  withdrawn: 'withdrawn',
  refused: 'refused',
};

const serviceWords = (service: RetrievalService) => retrievalServiceLabels[service].charAt(0).toLowerCase() + retrievalServiceLabels[service].slice(1);

/** Why the action cannot be recorded now, in words; null when it can. */
export function whyNot(request: RequestRow, items: readonly Pick<RequestItemRow, 'status'>[], action: CenterRequestAction): string | null {
  const name = `Request ${request.number}`;
  const state = requestStatusWords[request.status];
  if (request.closed_at !== null) return `${name} is closed (${state} on ${request.closed_at.slice(0, 10)}): nothing more can be recorded on it.`;
  const has = (status: RetrievalItemStatus) => items.some((item) => item.status === status);
  const waiting = NOT_HANDED_OVER.includes(request.status);
  switch (action) {
    case 'pull':
      return request.status === 'open' ? null : `${name} is ${state}: it was pulled already.`;
    case 'checkout':
      if (!LOANS.includes(request.service)) return `${name} asks for ${serviceWords(request.service)}: only a box or folder loan is checked out.`;
      return waiting ? null : `${name} is ${state}: it was checked out already.`;
    case 'return':
      if (has('checked-out')) return null;
      if (request.status === 'checked-out') return `${name} was taken back already: re-file it.`;
      return `${name} is ${state}: nothing of it is checked out, so there is nothing to take back.`;
    case 'refile':
      if (has('checked-out')) return `${name} is checked out: record its return before re-filing.`;
      if (request.service === 'withdrawal') return `${name} asks for permanent withdrawal: the box does not go back on the shelf.`;
      if (LOANS.includes(request.service) && waiting) {
        return `${name} is ${state} and was never checked out: record the loan and its return first, or refuse the request with the reason.`;
      }
      if (ANSWERED.includes(request.service) && waiting) return `${name} is ${state}: record its answer before re-filing.`;
      return has('pulled') || has('returned') ? null : `${name} has nothing off the shelf to re-file.`;
    case 'answer':
      if (!ANSWERED.includes(request.service)) return `${name} asks for ${serviceWords(request.service)}: only a copy or a review is answered.`;
      return waiting ? null : `${name} is ${state}: it was answered already.`;
    case 'withdraw':
      if (request.service !== 'withdrawal') return `${name} asks for ${serviceWords(request.service)}, not a permanent withdrawal.`;
      return waiting ? null : `${name} is ${state}.`;
    case 'refuse':
      return has('checked-out') ? `${name} is checked out: record its return before refusing it.` : null;
  }
}

export function nextActions(request: RequestRow, items: readonly Pick<RequestItemRow, 'status'>[]): CenterRequestAction[] {
  return centerRequestActions.filter((action) => whyNot(request, items, action) === null);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function requestDetail(context: CatalogContext, id: number): CenterRequestDetail {
  const request = getRequestRow(context, id);
  const items = requestItemsOf(context, id);
  return {
    ...requestSummary(context, id, context.now().slice(0, 10))!,
    fingerprint: request.fingerprint,
    requestedBy: request.requested_by,
    deliverTo: request.deliver_to,
    note: request.note,
    requestItems: items.map((item) => ({
      holdingBoxId: item.holding_box_id,
      accessionNumber: item.accession_number,
      boxSequence: item.sequence,
      boxId: item.box_code,
      boxLabel: item.label,
      centerBoxNumber: item.center_box_number === null ? null : String(item.center_box_number),
      location: locationWords(item),
      locationId: item.location_id,
      folder: item.folder_position === null ? null : { position: item.folder_position, title: item.folder_title ?? '', fileCode: item.folder_file_code ?? '' },
      legalHold: item.legal_hold === 1,
      status: item.status,
      checkedOutTo: item.checked_out_to,
      checkedOutAt: item.checked_out_at,
      dueBack: item.due_back,
    })),
    answer: request.answer_note === null ? null : { note: request.answer_note, files: JSON.parse(request.answer_files ?? '[]') as string[] },
    events: requestEventsOf(context, id).map((event) => ({
      seq: event.seq,
      boxId: event.box_code,
      folderPosition: event.folder_position,
      kind: event.kind,
      at: event.at,
      actor: event.actor,
      detail: String((JSON.parse(event.detail) as { text?: unknown }).text ?? ''),
    })),
    next: nextActions(request, items),
  };
}

const refuse = (message: string, field = 'action') => new AppError('invalid-input', `${message} Nothing was recorded.`, { field });

export function recordStep(context: CatalogContext, input: CenterRequestRecordInput): CenterRequestDetail {
  const request = getRequestRow(context, input.id);
  const items = requestItemsOf(context, input.id);
  const why = whyNot(request, items, input.action);
  if (why !== null) throw refuse(why);
  const now = context.now();
  const today = now.slice(0, 10);
  const eventOf = (item: RequestItemRow, kind: NewCustodyEvent['kind'], text: string): NewCustodyEvent => ({
    boxId: item.holding_box_id,
    // A folder asked for on its own: its events name it, so its box stays on the shelf on both sides' timelines.
    folderId: item.folder_id,
    transferId: item.accession_id,
    kind,
    at: now,
    detail: { text, request: request.number, accession: item.accession_number },
  });
  const record = (label: string, work: () => NewCustodyEvent[]) =>
    recordedChange(context, `${label} (request ${request.number})`, () => {
      const events = work();
      appendCustodyEvents(context, events);
      numberRequestEvents(context, request.id, events.length);
    });
  const ids = (wanted: RequestItemRow[]) => wanted.map((item) => item.id);

  switch (input.action) {
    case 'pull': {
      const wanted = items.filter((item) => item.status === 'requested');
      record('Pull from the shelf', () => {
        setItemsStatus(context, ids(wanted), 'pulled');
        setRequestStatus(context, request.id, { status: 'pulled' });
        return wanted.map((item) => {
          const shelf = locationWords(item);
          return eventOf(item, 'pulled', shelf ? `Pulled from ${shelf}` : 'Pulled (no shelf position was recorded for the box)');
        });
      });
      break;
    }
    case 'checkout': {
      const dueBack = input.dueBack ?? addDays(today, DEFAULT_LOAN_DAYS);
      if (dueBack < today) throw refuse(`Due back ${dueBack} is before today (${today}): give a day from today on.`, 'dueBack');
      const wanted = items.filter((item) => item.status === 'requested' || item.status === 'pulled');
      record(`Check out to ${input.to}`, () => {
        setItemsStatus(context, ids(wanted), 'checked-out', { to: input.to, at: now, dueBack });
        setRequestStatus(context, request.id, { status: 'checked-out' });
        return wanted.map((item) => eventOf(item, 'checked-out', `Checked out to ${input.to}, due back ${dueBack}`));
      });
      break;
    }
    case 'return': {
      const wanted = items.filter((item) => item.status === 'checked-out');
      // The request stays "checked out" until re-filed: "returned" is the status of a loan that is back on its shelf.
      record('Take back', () => {
        setItemsStatus(context, ids(wanted), 'returned');
        return wanted.map((item) => eventOf(item, 'returned', 'Returned'));
      });
      break;
    }
    case 'refile': {
      const wanted = items.filter((item) => item.status === 'pulled' || item.status === 'returned');
      const places = refilePlaces(context, request, wanted, input.locationId);
      const loan = LOANS.includes(request.service);
      record('Re-file', () => {
        for (const [boxId, place] of places) if (place.move) shelveBox(context, boxId, place.locationId);
        setItemsStatus(context, ids(wanted), 'refiled');
        setRequestStatus(context, request.id, { status: loan ? 'returned' : request.status, closedAt: now });
        return wanted.map((item) => eventOf(item, 'refiled', `Re-filed at ${places.get(item.holding_box_id)!.words}`));
      });
      break;
    }
    case 'answer': {
      // No custody event: an answer moves nothing. Where the box went for it is told by its own pull and re-filing
      // events; the answer itself travels in the update's `answer`. Nothing pulled means nothing to re-file: closed.
      const nothingOut = items.every((item) => item.status === 'requested');
      record('Answer', () => {
        setRequestStatus(context, request.id, { status: 'answered', answer: { note: input.note, files: input.files }, closedAt: nothingOut ? now : null });
        return [];
      });
      break;
    }
    case 'withdraw': {
      const departmentName = requestSummary(context, request.id, today)!.department.name;
      record(`Withdraw for good to ${departmentName}`, () => {
        for (const boxId of new Set(items.map((item) => item.holding_box_id))) withdrawBox(context, boxId, now);
        setItemsStatus(context, ids(items), 'withdrawn');
        setRequestStatus(context, request.id, { status: 'withdrawn', closedAt: now });
        return items.map((item) => eventOf(item, 'withdrawn', `Withdrawn for good to ${departmentName}`));
      });
      break;
    }
    case 'refuse': {
      // Refusing moves nothing, except that anything already off its shelf for the request goes back to its own
      // position first (so the timeline ends on the shelf); the reason goes back to the department in the update.
      const off = items.filter((item) => item.status === 'pulled' || item.status === 'returned');
      record('Refuse', () => {
        setItemsStatus(context, ids(off), 'refiled');
        setRequestStatus(context, request.id, { status: 'refused', refusal: input.reason, closedAt: now });
        return off.map((item) => eventOf(item, 'refiled', `Put back at ${locationWords(item) ?? 'its shelf'}: the request was refused`));
      });
      break;
    }
  }
  return requestDetail(context, request.id);
}

interface Place {
  locationId: number;
  words: string;
  /** True when the box goes to another position than the one it left. */
  move: boolean;
}

/** Where each box of the items goes back: its own position, or the one given (free, and big enough for it). */
function refilePlaces(context: CatalogContext, request: RequestRow, items: RequestItemRow[], locationId: number | undefined): Map<number, Place> {
  const places = new Map<number, Place>();
  const boxes = new Map(items.map((item) => [item.holding_box_id, item]));
  if (locationId === undefined) {
    for (const [boxId, item] of boxes) {
      const words = locationWords(item);
      if (item.location_id === null || words === null) {
        throw refuse(`${itemWords(item)} has no shelf position recorded: give the location to re-file it at.`, 'locationId');
      }
      places.set(boxId, { locationId: item.location_id, words, move: false });
    }
    return places;
  }
  if (boxes.size !== 1) throw refuse(`Request ${request.number} has ${boxes.size} boxes to re-file: each goes back to its own position.`, 'locationId');
  const [[boxId, item]] = [...boxes];
  if (items.some((each) => each.folder_position !== null)) {
    throw refuse(`A folder goes back into its own box (${itemWords(item)}): re-file it without a location.`, 'locationId');
  }
  const location = locationForRefile(context, locationId);
  if (!location) throw refuse(`There is no shelf location ${locationId} in this catalog.`, 'locationId');
  const words = locationWords(location)!;
  if (location.holder_id !== null && location.holder_id !== boxId) {
    throw refuse(`${words} holds box “${location.holder_label}” of accession ${location.holder_accession} already: a position holds one box.`, 'locationId');
  }
  if (item.cubic_feet > location.capacity_cubic_feet + 1e-9) {
    throw refuse(`${itemWords(item)} (${item.cubic_feet} cubic feet) does not fit ${words} (${location.capacity_cubic_feet} cubic feet).`, 'locationId');
  }
  places.set(boxId, { locationId, words, move: location.holder_id !== boxId });
  return places;
}
