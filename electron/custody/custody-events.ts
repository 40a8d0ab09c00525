// The custody timeline: append-only events, each chained to the one before by SHA-256, so an event changed or
// removed afterwards is detected. Events are never part of undo: what happened to a box stays what happened.
import type { CustodyEvent, CustodyEventKind } from '../../shared/custody/events';
import type { CatalogContext } from '../catalog/context';
import { eventHash, GENESIS_HASH } from './event-hash';

export interface NewCustodyEvent {
  boxId: number;
  folderId?: number | null;
  transferId?: number | null;
  kind: CustodyEventKind;
  /** When it happened (ISO 8601); default: now. */
  at?: string;
  /** Who did it, when not this catalog's user (a records center's staff, as its acknowledgment says). */
  actor?: string;
  detail?: Record<string, unknown>;
}

interface EventRow {
  id: number;
  box_id: number;
  folder_id: number | null;
  transfer_id: number | null;
  kind: CustodyEventKind;
  at: string;
  actor: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** Appends events in order, inside the caller's transaction (a change, or history.untracked). */
export function appendCustodyEvents(context: CatalogContext, events: readonly NewCustodyEvent[]): void {
  let previous = context.db.get<{ hash: string }>('SELECT hash FROM custody_event ORDER BY id DESC LIMIT 1')?.hash ?? GENESIS_HASH;
  const now = context.now();
  for (const event of events) {
    const row = {
      box_id: event.boxId,
      folder_id: event.folderId ?? null,
      transfer_id: event.transferId ?? null,
      kind: event.kind,
      at: event.at ?? now,
      actor: event.actor ?? context.history.actor,
      detail: JSON.stringify(event.detail ?? {}),
    };
    const hash = eventHash(previous, row);
    context.db.run(
      'INSERT INTO custody_event (box_id, folder_id, transfer_id, kind, at, actor, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [row.box_id, row.folder_id, row.transfer_id, row.kind, row.at, row.actor, row.detail, previous, hash],
    );
    previous = hash;
  }
}

function toEvent(row: EventRow): CustodyEvent {
  return {
    id: row.id,
    boxId: row.box_id,
    folderId: row.folder_id,
    transferId: row.transfer_id,
    kind: row.kind,
    at: row.at,
    actor: row.actor,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  };
}

/** A box's events, oldest first (its folders' own events included). */
export function boxTimeline(context: CatalogContext, boxId: number): CustodyEvent[] {
  return context.db.all<EventRow>('SELECT * FROM custody_event WHERE box_id = ? ORDER BY id', [boxId]).map(toEvent);
}

export interface ChainCheck {
  events: number;
  /** The first event whose hash or link does not match, in plain words; null when the chain holds. */
  broken: { eventId: number; reason: string } | null;
}

/** Every event in id order, read a page at a time so a long history is never held whole. */
function* pagedEvents(context: CatalogContext, pageSize = 5_000): Generator<EventRow> {
  let after = -1;
  for (;;) {
    const page = context.db.all<EventRow>('SELECT * FROM custody_event WHERE id > ? ORDER BY id LIMIT ?', [after, pageSize]);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].id;
  }
}

/** Walks the whole chain: every link must name the event before it, and every hash must match its content. */
export function verifyCustodyChain(context: CatalogContext): ChainCheck {
  let previous = GENESIS_HASH;
  let events = 0;
  let expectedId: number | null = null;
  for (const row of pagedEvents(context)) {
    events += 1;
    if (expectedId !== null && row.id !== expectedId) return { events, broken: { eventId: row.id, reason: `event ${expectedId} is missing` } };
    if (row.prev_hash !== previous) return { events, broken: { eventId: row.id, reason: 'it does not follow the event before it (one was removed or changed)' } };
    if (eventHash(previous, row) !== row.hash) return { events, broken: { eventId: row.id, reason: 'its content was changed after it was recorded' } };
    previous = row.hash;
    expectedId = row.id + 1;
  }
  return { events, broken: null };
}
