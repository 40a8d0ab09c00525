// A box's timeline in words, the same on both sides: what happened, when and by whom. The events themselves are
// the custody events (append-only, hash-chained); this only says them.
import type { CustodyEvent, CustodyEventKind } from './events';

export interface TimelineEntry {
  at: string;
  actor: string;
  /** "Sent in PW-2026-003 (box 2)", "Checked in at City Records Center", "Shelved at Building A / Row 3 …". */
  what: string;
}

const KIND_WORDS: Record<CustodyEventKind, string> = {
  'recorded-at-center': 'Recorded as at the records center (sent before this catalog was kept)',
  sent: 'Sent',
  received: 'Received by the records center',
  discrepancy: 'Discrepancy noted',
  located: 'Shelved',
  requested: 'Asked for back',
  pulled: 'Pulled from the shelf',
  'checked-out': 'Checked out',
  returned: 'Returned',
  refiled: 'Refiled',
  withdrawn: 'Withdrawn for good',
  'disposition-noticed': 'Put on a disposition notice',
  'disposition-approved': 'Disposition approved in writing',
  'disposition-refused': 'Disposition refused',
  'disposition-extended': 'More time asked before disposition',
  'hold-placed': 'Legal hold placed',
  'hold-lifted': 'Legal hold lifted',
  disposed: 'Destroyed',
  'transferred-to-archives': 'Transferred to the archives',
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** One event in words: its kind, with what its detail says (the transfer, the center's own words). */
export function timelineEntry(event: Pick<CustodyEvent, 'kind' | 'at' | 'actor' | 'detail'>): TimelineEntry {
  const detail = event.detail ?? {};
  let what = KIND_WORDS[event.kind] ?? event.kind;
  if (event.kind === 'sent' && text(detail.transferNumber)) what = `Sent in ${detail.transferNumber}${typeof detail.sequence === 'number' ? ` (box ${detail.sequence})` : ''}`;
  const said = text(detail.text) ?? text(detail.words) ?? text(detail.note);
  if (said && event.kind !== 'sent') what = `${what}: ${said}`;
  if (text(detail.accession) && event.kind !== 'sent') what = `${what} (accession ${detail.accession})`;
  return { at: event.at, actor: event.actor, what };
}
