// When a box may go. A box is destroyed or kept as a whole, so its date is the LATEST eligible date of its folders,
// and one folder that cannot be dated (on hold, waiting for its event, permanent, unscheduled or undated) makes the
// whole box wait, saying why.

export type DispositionWait = 'on-hold' | 'awaiting-event' | 'permanent' | 'no-schedule' | 'undated';

export interface FolderDisposition {
  dispositionDate: string | null;
  dispositionStatus: 'scheduled' | DispositionWait;
}

export interface BoxDisposition {
  /** The day the whole box becomes eligible (YYYY-MM-DD), or null while it waits. */
  date: string | null;
  /** Why there is no date: the strongest reason among its folders (a hold first). */
  waitsFor: DispositionWait | null;
}

/** Strongest first: a hold stops everything; "permanent" only decides when nothing else is missing. */
const WAIT_ORDER: DispositionWait[] = ['on-hold', 'awaiting-event', 'no-schedule', 'undated', 'permanent'];

export function boxDisposition(folders: readonly FolderDisposition[]): BoxDisposition {
  if (folders.length === 0) return { date: null, waitsFor: 'undated' };
  const waits = new Set(folders.map((folder) => (folder.dispositionStatus === 'scheduled' && !folder.dispositionDate ? 'undated' : folder.dispositionStatus)));
  const waitsFor = WAIT_ORDER.find((reason) => waits.has(reason)) ?? null;
  if (waitsFor) return { date: null, waitsFor };
  let latest = '';
  for (const folder of folders) if (folder.dispositionDate && folder.dispositionDate > latest) latest = folder.dispositionDate;
  return { date: latest, waitsFor: null };
}

export const dispositionWaitText: Record<DispositionWait, string> = {
  'on-hold': 'waits: a folder is on legal hold',
  'awaiting-event': 'waits: a folder’s retention starts at an event not yet recorded',
  'no-schedule': 'waits: a folder has no retention schedule item',
  undated: 'waits: a folder has no dates',
  permanent: 'kept permanently',
};
