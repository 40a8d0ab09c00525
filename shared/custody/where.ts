// Where a box or folder is now, and since when, in one shape every list, search result and page shows: read from
// its custody events, the records center's acknowledgment and retrieval updates, never typed by anyone.
import type { BoxStatus } from '../domain/types';

export interface WhereNow {
  /** The box's status; a folder out on loan on its own is 'checked-out' while its box stays on the shelf. */
  status: BoxStatus;
  /** When it got there (the event that put it there); null when nothing has moved it since it was catalogued. */
  since: string | null;
  /**
   * In plain words: "in the office", "in transit to City Records Center since 2026-03-02", "at City Records Center,
   * accession PW-2026-0042, box 118, Building A / Row 3 / Bay 2 / Shelf 4", "checked out to the permits clerk since
   * 2026-03-04, due back 2026-04-01", "returned and re-filed at Building A / Row 3 …", "destroyed on …".
   */
  words: string;
  /** While checked out: the day it is due back at the center. */
  dueBack: string | null;
  /** Checked out and past its due-back day. */
  overdue: boolean;
  /** The retrieval request still open for it, if any. */
  request: { id: number; number: string; status: string } | null;
}

/** What is known of a box's whereabouts, as the catalog's rows say it; the words follow from these alone. */
export interface WhereFacts {
  status: BoxStatus;
  /** The newest event that moved the box (its own, not a folder's alone), and when; null when none has. */
  kind: string | null;
  at: string | null;
  /** The transfer still being prepared that holds the box, if any. */
  draftTransfer: string | null;
  /** The records center of the box's newest sent transfer. */
  sentTo: string | null;
  /** Where the center last said the box is (its acknowledgment or a re-filing). */
  atCenter: { centerName: string; accessionNumber: string; centerBoxNumber: string | null; location: string | null; status: string } | null;
  /** While checked out: to whom and due back when, as the center's latest update said. */
  checkedOutTo: string | null;
  dueBack: string | null;
  /** Re-filed after a loan (said "returned and re-filed"); after a copy, review or a refused request it was only put back. */
  refiledAfterLoan?: boolean;
  /** Destroyed or transferred to the archives: the certificate it was done under and the center that did it, as its event says. */
  certificate?: { number: string; centerName: string } | null;
  /** Today (YYYY-MM-DD), to tell an overdue loan. */
  today: string;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'an unknown day');

/** "at City Records Center, accession PW-2026-0042, box 118, Building A / Row 3 / Bay 2 / Shelf 4" */
function atCenterWords(facts: WhereFacts): string | null {
  const place = facts.atCenter;
  if (!place) return null;
  const parts = [`at ${place.centerName}`, `accession ${place.accessionNumber}`];
  if (place.centerBoxNumber) parts.push(`box ${place.centerBoxNumber}`);
  if (place.location) parts.push(place.location);
  return parts.join(', ');
}

/** Where a box is now, in plain words, from its newest moving event and what the center said. */
export function whereWords(facts: WhereFacts): Pick<WhereNow, 'status' | 'since' | 'words' | 'dueBack' | 'overdue'> {
  const center = facts.atCenter?.centerName ?? facts.sentTo ?? 'the records center';
  const since = facts.kind ? facts.at : null;
  const base = { status: facts.status, since, dueBack: null, overdue: false };
  if (facts.atCenter?.status === 'missing' && (facts.kind === 'sent' || facts.kind === null)) {
    return { ...base, words: `reported missing by ${facts.atCenter.centerName} (accession ${facts.atCenter.accessionNumber}): it was not in the delivery` };
  }
  switch (facts.kind) {
    case 'sent':
      return { ...base, words: `in transit to ${center} since ${day(facts.at)}` };
    case 'received':
    case 'located':
      return { ...base, words: atCenterWords(facts) ?? `at ${center} since ${day(facts.at)}` };
    case 'recorded-at-center':
      return { ...base, words: atCenterWords(facts) ?? 'at the records center (sent before this catalog was kept)' };
    case 'checked-out': {
      const overdue = facts.dueBack !== null && facts.dueBack < facts.today;
      const to = facts.checkedOutTo ? `checked out to ${facts.checkedOutTo}` : `checked out from ${center}`;
      const due = facts.dueBack ? `, due back ${facts.dueBack}${overdue ? ' (overdue)' : ''}` : '';
      return { ...base, words: `${to} since ${day(facts.at)}${due}`, dueBack: facts.dueBack, overdue };
    }
    case 'returned':
      return { ...base, words: `returned to ${center} on ${day(facts.at)}, not yet re-filed` };
    case 'refiled':
      if (!facts.refiledAfterLoan) return { ...base, words: `back on its shelf at ${facts.atCenter?.location ?? center} since ${day(facts.at)}` };
      return { ...base, words: `returned and re-filed at ${facts.atCenter?.location ?? center} on ${day(facts.at)}` };
    case 'disposed':
    case 'transferred-to-archives': {
      const done = facts.kind === 'disposed' ? 'destroyed' : 'transferred to the archives';
      const by = facts.certificate?.centerName || center;
      const under = facts.certificate?.number ? ` (certificate ${facts.certificate.number})` : '';
      return { ...base, words: `${done} on ${day(facts.at)} by ${by}${under}` };
    }
    case 'withdrawn':
      if (facts.status === 'in-transfer') return { ...base, words: `in a draft transfer ${facts.draftTransfer ?? ''}`.trim() };
      return { ...base, words: `in the office (withdrawn from ${center} on ${day(facts.at)})` };
    default:
      if (facts.status === 'in-transfer') return { ...base, words: `in a draft transfer ${facts.draftTransfer ?? ''}`.trim() };
      return { ...base, words: 'in the office' };
  }
}
