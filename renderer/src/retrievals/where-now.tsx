// Where a box or folder is now, in the two sizes the screens need: a short status with its date for a list cell,
// and the full words with the open request linked for a box page. Both read the `where` the Node side derives from
// custody events; nothing here guesses a status.
import type { WhereNow } from '../../../shared/custody/where';
import { routeHref } from '../app/routes';
import { boxStatusLabels } from '../ui/format';
import './retrievals.css';
import { dayOf } from './where-words';

export { dayOf, whereShortText } from './where-words';

export function WhereCell({ where }: { where: WhereNow }) {
  return (
    <span className={`where-cell${where.overdue ? ' where-overdue' : ''}`} title={where.words} data-where-status={where.status}>
      {boxStatusLabels[where.status]}
      {where.since && <span className="where-since"> since {dayOf(where.since)}</span>}
      {where.dueBack && <span className="where-since">, due back {where.dueBack}</span>}
      {where.overdue && <strong className="where-overdue-flag"> overdue</strong>}
    </span>
  );
}

/** The box page's "Where now" line: the full words, since when, and the request still open for it. */
export function WhereLine({ where }: { where: WhereNow }) {
  return (
    <p className={`where-line${where.overdue ? ' where-overdue' : ''}`} data-where-now>
      <strong>Where now:</strong> {where.words}
      {where.since && !where.words.includes(dayOf(where.since)) && <> (since {dayOf(where.since)})</>}.
      {where.overdue && <strong> It is past its due-back day.</strong>}
      {where.request && (
        <>
          {' '}
          Asked for on <a href={routeHref({ screen: 'retrievals', requestId: where.request.id })}>request {where.request.number}</a> ({where.request.status}).
        </>
      )}
    </p>
  );
}
