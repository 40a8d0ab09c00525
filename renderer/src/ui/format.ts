// How numbers, times and statuses read on screen, in one place so every screen says them the same way.
import type { BoxStatus, DispositionStatus, Medium } from '../../../shared/domain/types';
import { count } from '../../../shared/domain/words';

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

export function plural(total: number, one: string, many: string): string {
  return count(total, one, many);
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export const boxStatusLabels: Record<BoxStatus, string> = {
  'in-office': 'In office',
  'in-transfer': 'In a transfer',
  'in-transit': 'In transit',
  'at-records-center': 'At records center',
  'checked-out': 'Checked out',
  disposed: 'Disposed',
  'transferred-to-archives': 'Transferred to archives',
};

export const dispositionStatusLabels: Record<DispositionStatus, string> = {
  scheduled: 'Scheduled',
  'on-hold': 'On legal hold',
  permanent: 'Permanent',
  'awaiting-event': 'Awaiting event',
  'no-schedule': 'No schedule item',
  undated: 'Needs dates',
};

export const mediumLabels: Record<Medium, string> = {
  paper: 'Paper',
  electronic: 'Electronic',
  mixed: 'Mixed',
  microfilm: 'Microfilm',
  audiovisual: 'Audiovisual',
  other: 'Other',
};

/** "2019-03 – 2020" or the one date there is. */
export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return from === to ? from : `${from} – ${to}`;
  return from || to || '';
}
