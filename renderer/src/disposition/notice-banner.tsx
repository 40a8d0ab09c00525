// The department's reminder at the top of its catalog: each disposition notice still waiting for an answer, with
// the days left. Past the deadline it says so calmly: an unanswered notice never lets anything be destroyed.
import type { NoticeSummary } from '../../../shared/api/contract-disposition';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { plural } from '../ui/format';
import './disposition.css';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "7 March 2027" from "2027-03-07", read the same in every locale (a deadline must never be misread day for month). */
export function longDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** "answer due in 12 days (by 7 March 2027)", or, once past, that nothing happens without the department's approval. */
export function countdownWords(notice: Pick<NoticeSummary, 'daysLeft' | 'respondBy'>): string {
  const by = longDate(notice.respondBy);
  if (notice.daysLeft < 0) return `Answer was due on ${by}: nothing is destroyed without your approval`;
  if (notice.daysLeft === 0) return `answer due today (by ${by})`;
  return `answer due in ${plural(notice.daysLeft, 'day', 'days')} (by ${by})`;
}

export function NoticeBanner() {
  // A banner is a reminder, not a place for errors: if the notices cannot be read, the Disposition screen says why.
  const notices = useQuery(() => api['disposition.notices']({ show: 'open' }).catch(() => [] as NoticeSummary[]), []);
  const waiting = (notices.value ?? []).filter((notice) => notice.unanswered > 0);
  if (waiting.length === 0) return null;
  return (
    <section className="banner banner-info notice-banner" aria-label="Disposition notices to answer">
      <ul>
        {waiting.map((notice) => (
          <li key={notice.id} data-notice-banner={notice.number}>
            {notice.daysLeft < 0 ? (
              <>
                {notice.centerName} proposed disposition of {plural(notice.boxes, 'box', 'boxes')}. {countdownWords(notice)}.
              </>
            ) : (
              <>
                {notice.centerName} proposes disposition of {plural(notice.boxes, 'box', 'boxes')} — {countdownWords(notice)}.
              </>
            )}{' '}
            <a href={routeHref({ screen: 'disposition', noticeId: notice.id })}>Answer notice {notice.number}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
