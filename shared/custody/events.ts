// What can happen to a box once it leaves the department's hands, as custody events (the PREMIS event shape: what,
// when, who, outcome). A box's status is never typed: it is read from its newest event that moves it, or, with no
// such event, from its transfers (on a draft → "in a transfer", none → "in the office").
import type { BoxStatus } from '../domain/types';

export const custodyEventKinds = [
  /** Sent before the catalog was kept in Transmittal (a paper transmittal): at the center already. */
  'recorded-at-center',
  'sent',
  'received',
  'discrepancy',
  'located',
  'requested',
  /** Taken off the center's shelf for a request (the box is still at the center). */
  'pulled',
  'checked-out',
  'returned',
  'refiled',
  'withdrawn',
  /** On a disposition notice (the center proposes to destroy or transfer it, answer due by a day). */
  'disposition-noticed',
  /** The department's signed answer for the box: approved, refused with a reason, or more time asked. */
  'disposition-approved',
  'disposition-refused',
  'disposition-extended',
  /** A legal hold placed on, or lifted from, the box or one of its folders. */
  'hold-placed',
  'hold-lifted',
  'disposed',
  'transferred-to-archives',
] as const;
export type CustodyEventKind = (typeof custodyEventKinds)[number];

/**
 * The status each kind moves a box to; absent = the event says something about the box without moving it (a
 * discrepancy, a request, a pull). "withdrawn" brings the box home: its transfers decide again. Only a box's own
 * events move it: a folder checked out on its own (an event naming the folder) leaves its box on the shelf.
 */
export const statusAfter: Partial<Record<CustodyEventKind, BoxStatus | 'from-transfers'>> = {
  'recorded-at-center': 'at-records-center',
  sent: 'in-transit',
  received: 'at-records-center',
  located: 'at-records-center',
  'checked-out': 'checked-out',
  returned: 'at-records-center',
  refiled: 'at-records-center',
  withdrawn: 'from-transfers',
  disposed: 'disposed',
  'transferred-to-archives': 'transferred-to-archives',
};

export const custodyEventLabels: Record<CustodyEventKind, string> = {
  'recorded-at-center': 'At the records center (sent before this catalog)',
  sent: 'Sent',
  received: 'Received by the records center',
  discrepancy: 'Discrepancy noted',
  located: 'Shelved',
  requested: 'Requested back',
  pulled: 'Pulled from the shelf',
  'checked-out': 'Checked out',
  returned: 'Returned',
  refiled: 'Re-filed',
  withdrawn: 'Withdrawn to the office',
  'disposition-noticed': 'On a disposition notice',
  'disposition-approved': 'Disposition approved',
  'disposition-refused': 'Disposition refused',
  'disposition-extended': 'More time asked before disposition',
  'hold-placed': 'Legal hold placed',
  'hold-lifted': 'Legal hold lifted',
  disposed: 'Destroyed',
  'transferred-to-archives': 'Transferred to the archives',
};

export interface CustodyEvent {
  id: number;
  boxId: number;
  folderId: number | null;
  transferId: number | null;
  kind: CustodyEventKind;
  at: string;
  actor: string;
  detail: Record<string, unknown>;
  hash: string;
}
