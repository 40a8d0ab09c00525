// How a records center's request reads on screen: the service and status in short words for the queue, and each
// recorded step said back in a sentence.
import type { CenterRequestAction, CenterRequestItem } from '../../../shared/api/contract-retrieval';
import type { RetrievalService, RetrievalStatus } from '../../../shared/exchange/retrieval';

export const SERVICE_WORDS: Record<RetrievalService, string> = {
  'box-loan': 'Box on loan',
  'folder-loan': 'Folder on loan',
  copy: 'Copy or scan',
  review: 'Review at the center',
  withdrawal: 'Permanent withdrawal',
};

export const STATUS_WORDS: Record<RetrievalStatus, string> = {
  open: 'Not yet pulled',
  pulled: 'Pulled',
  'checked-out': 'Checked out',
  returned: 'Returned',
  answered: 'Answered',
  withdrawn: 'Withdrawn',
  refused: 'Refused',
};

export const ITEM_STATUS_WORDS: Record<CenterRequestItem['status'], string> = {
  requested: 'On the shelf, to pull',
  pulled: 'Pulled',
  'checked-out': 'Checked out',
  returned: 'Back at the center, to re-file',
  refiled: 'Re-filed',
  withdrawn: 'Withdrawn for good',
};

/** The step's button, as the person at the shelf would say it. */
export const ACTION_WORDS: Record<CenterRequestAction, string> = {
  pull: 'Pulled from the shelf',
  checkout: 'Check out…',
  return: 'Returned to the center',
  refile: 'Re-file…',
  answer: 'Answer…',
  withdraw: 'Withdraw for good…',
  refuse: 'Refuse…',
};

/** Today as YYYY-MM-DD in the person's own time zone, and a day so many days later. */
export function localDate(daysFromToday = 0, today = new Date()): string {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + daysFromToday);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** "checked out to the permits clerk, due back 2027-01-04", or the empty string when not on loan. */
export function loanWords(checkedOutTo: string | null, dueBack: string | null): string {
  if (!checkedOutTo) return '';
  return dueBack ? `${checkedOutTo}, due back ${dueBack}` : checkedOutTo;
}
