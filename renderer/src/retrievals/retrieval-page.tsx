// One request back: what was asked, each item and where it is now, the center's updates taken in, and its answer.
import type { RetrievalDetail, RetrievalDetailItem } from '../../../shared/api/contract-retrieval';
import { retrievalServiceLabels, retrievalStatusLabels, type RetrievalItemStatus } from '../../../shared/exchange/retrieval';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatDateTime } from '../ui/format';
import { BackLink, RecordNotLoaded } from '../ui/record-page';
import { dayOf } from './where-now';

const ITEM_STATUS_WORDS: Record<RetrievalItemStatus, string> = {
  requested: 'Requested',
  pulled: 'Pulled from the shelf',
  'checked-out': 'Checked out',
  returned: 'Back at the center',
  refiled: 'Re-filed',
  withdrawn: 'Withdrawn to the department',
};

export function RetrievalPage({ id }: { id: number }) {
  const request = useQuery(() => api['retrievals.get']({ id }), [id]);
  const back = <BackLink href={routeHref({ screen: 'retrievals' })}>All requests back</BackLink>;
  if (!request.value) return <RecordNotLoaded back={back} title="Request" notFoundTitle="Request not found" error={request.error} />;
  const detail = request.value;
  return (
    <div className="screen retrieval-page">
      {back}
      <div className="screen-head">
        <h1>Request {detail.number}</h1>
      </div>
      <p className={detail.overdue ? 'where-overdue' : undefined} data-request-status>
        <strong>{retrievalStatusLabels[detail.status]}</strong>
        {detail.checkedOutTo && (
          <>
            : checked out to {detail.checkedOutTo}
            {detail.dueBack && <>, due back {detail.dueBack}</>}
          </>
        )}
        {detail.overdue && <strong> It is past its due-back day.</strong>}
      </p>
      <AskedFor detail={detail} />
      <section aria-labelledby="request-items-heading">
        <h2 id="request-items-heading">What was asked for, and where it is now</h2>
        <table className="plain-table" aria-label="Items asked for">
          <thead>
            <tr>
              <th scope="col">Box</th>
              <th scope="col">Folder</th>
              <th scope="col">Quoted as</th>
              <th scope="col">Status</th>
              <th scope="col">Where now</th>
            </tr>
          </thead>
          <tbody>
            {detail.requestItems.map((item) => (
              <ItemRow key={`${item.boxIdInCatalog}:${item.folderIdInCatalog ?? ''}`} item={item} />
            ))}
          </tbody>
        </table>
      </section>
      {detail.answer && (
        <section aria-labelledby="request-answer-heading">
          <h2 id="request-answer-heading">The center’s answer</h2>
          <p>{detail.answer.note}</p>
          {detail.answer.files.length > 0 && (
            <>
              <p>Files sent with it (ask the center if they did not arrive):</p>
              <ul>
                {detail.answer.files.map((file) => (
                  <li key={file}>{file}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <section aria-labelledby="request-updates-heading">
        <h2 id="request-updates-heading">Updates from the records center</h2>
        {detail.updates.length === 0 ? (
          <p className="hint">None taken in yet. When {detail.centerName} sends an update file for this request, take it in here or on the Requests back screen.</p>
        ) : (
          <ul aria-label="Updates taken in">
            {detail.updates.map((update) => (
              <li key={update.fingerprint}>
                {formatDateTime(update.issuedAt)}: {retrievalStatusLabels[update.status]} <span className="muted">(taken in {formatDateTime(update.importedAt)})</span>
              </li>
            ))}
          </ul>
        )}
        <FileTakeInField label="Take in an update for this request (.json)" takeIn={(file) => api['retrievals.importUpdate']({ file })} onTakenIn={request.reload} sameFileAgain />
      </section>
      <p className="hint">
        Request fingerprint: <code className="fingerprint">{detail.fingerprint}</code>
      </p>
    </div>
  );
}

function AskedFor({ detail }: { detail: RetrievalDetail }) {
  const rows: [string, string][] = [
    ['Service', `${retrievalServiceLabels[detail.service]}${detail.urgency === 'urgent' ? ' (urgent)' : ''}`],
    ['Records center', detail.centerName],
    ['Asked by', `${detail.requestedBy} on ${formatDateTime(detail.createdAt)}`],
    ['Who needs it', detail.neededFor || '—'],
    ['Needed by', detail.neededBy ?? '—'],
    ['Due by the center’s turnaround', detail.dueBy ?? 'no turnaround stated'],
    ['Deliver to', detail.deliverTo || '—'],
    ['Note', detail.note || '—'],
  ];
  return (
    <section aria-labelledby="request-asked-heading">
      <h2 id="request-asked-heading">What was asked</h2>
      <dl className="request-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ItemRow({ item }: { item: RetrievalDetailItem }) {
  const quoted = [item.accessionNumber ? `accession ${item.accessionNumber}` : `transfer ${item.transferNumber}`, item.centerBoxNumber ? `center box ${item.centerBoxNumber}` : null, item.location]
    .filter(Boolean)
    .join(', ');
  return (
    <tr className={item.where.overdue ? 'is-overdue' : undefined}>
      <td>
        <a href={routeHref({ screen: 'catalog', boxId: item.boxIdInCatalog, ...(item.folderIdInCatalog !== null ? { folderId: item.folderIdInCatalog } : {}) })}>Box {item.boxLabel}</a>
      </td>
      <td>{item.folder ? `${item.folder.position}. ${item.folder.title}` : <span className="muted">the whole box</span>}</td>
      <td>{quoted}</td>
      <td>
        {ITEM_STATUS_WORDS[item.status]}
        {item.checkedOutTo && (
          <>
            {' '}
            to {item.checkedOutTo}
            {item.dueBack && <>, due back {item.dueBack}</>}
          </>
        )}
      </td>
      <td>
        {item.where.words}
        {item.where.since && !item.where.words.includes(dayOf(item.where.since)) && <span className="muted"> (since {dayOf(item.where.since)})</span>}
        {item.where.overdue && <strong className="where-overdue-flag"> Overdue</strong>}
      </td>
    </tr>
  );
}
