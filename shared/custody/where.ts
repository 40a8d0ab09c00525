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
