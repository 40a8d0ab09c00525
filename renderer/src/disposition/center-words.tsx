// How the center's disposition screens say periods, actions, answers and a notice's state, in one place so the due
// list, the notices list and a notice's page say them the same way.
import type { DispositionBox, NoticeBoxDetail, NoticeSummary } from '../../../shared/api/contract-disposition';
import { dispositionActionWords } from '../../../shared/exchange/disposition';
import { plural } from '../ui/format';

export type PeriodChoice = 'month' | 'quarter' | 'next-quarter' | 'custom';
export const PERIOD_WORDS: Record<PeriodChoice, string> = { month: 'This month', quarter: 'This quarter', 'next-quarter': 'Next quarter', custom: 'From … to …' };

export interface Period {
  from: string;
  to: string;
}

/** A day as YYYY-MM-DD in the person's own time zone: "this month" is the month on their calendar. */
export function isoDay(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The first and last day of the chosen month or quarter (a Date past December rolls into the next year). */
export function periodOf(choice: Exclude<PeriodChoice, 'custom'>, today = new Date()): Period {
  const year = today.getFullYear();
  if (choice === 'month') return { from: isoDay(new Date(year, today.getMonth(), 1)), to: isoDay(new Date(year, today.getMonth() + 1, 0)) };
  const quarterStart = Math.floor(today.getMonth() / 3) * 3 + (choice === 'next-quarter' ? 3 : 0);
  return { from: isoDay(new Date(year, quarterStart, 1)), to: isoDay(new Date(year, quarterStart + 3, 0)) };
}

export function actionWords(box: Pick<DispositionBox, 'action'>): string {
  return dispositionActionWords[box.action];
}

/** "Accession A-2026-001, center box 12" — or what is missing, so nobody guesses. */
export function centerNumbers(box: Pick<DispositionBox, 'accessionNumber' | 'centerBoxNumber'>): string {
  return `${box.accessionNumber}, ${box.centerBoxNumber ? `center box ${box.centerBoxNumber}` : 'no center box number'}`;
}

export function seriesWords(box: Pick<DispositionBox, 'itemNumbers'>): string {
  return box.itemNumbers.length === 0 ? '—' : box.itemNumbers.join(', ');
}

/** "Answer due in 12 days", "Answer due today", "3 days past the answer date". */
export function countdownWords(notice: Pick<NoticeSummary, 'daysLeft'>): string {
  if (notice.daysLeft > 0) return `Answer due in ${plural(notice.daysLeft, 'day', 'days')}`;
  if (notice.daysLeft === 0) return 'Answer due today';
  return `${plural(-notice.daysLeft, 'day', 'days')} past the answer date`;
}

/**
 * The notice's state as the Node side says it; past the answer date with boxes unanswered, always the warning that
 * silence is never approval, whatever else the state says.
 */
export function noticeStateWords(notice: NoticeSummary): string {
  if (notice.daysLeft < 0 && notice.unanswered > 0 && !/^No answer/i.test(notice.state)) {
    return `No answer by ${notice.respondBy}: ask the department again — a box without an approval is never destroyed.`;
  }
  return notice.state;
}

export function answerWords(box: NoticeBoxDetail): string {
  if (box.answer === null) return 'No answer yet';
  if (box.answer === 'approve') return 'Approved';
  if (box.answer === 'refuse') return `Refused${box.reason ? `: ${box.reason}` : ''}${box.reviewDate ? ` (review again on ${box.reviewDate})` : ''}`;
  return `More time asked${box.extendTo ? ` until ${box.extendTo}` : ''}${box.reason ? `: ${box.reason}` : ''}`;
}

export function carriedOutWords(box: NoticeBoxDetail): string {
  if (box.executed === 'destroyed') return `Destroyed${box.executedAt ? ` on ${box.executedAt.slice(0, 10)}` : ''}`;
  if (box.executed === 'transferred-to-archives') return `Transferred to the archives${box.executedAt ? ` on ${box.executedAt.slice(0, 10)}` : ''}`;
  if (box.canExecute) return 'Can be carried out';
  return box.whyNot ?? 'Not approved: it stays where it is.';
}
