// A records center's accessions: every transfer it took in, newest first, and one accession's page (check-in,
// shelving, acknowledgment).
import type { AccessionSummary } from '../../../shared/api/contract-center';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { navigate } from '../app/use-route';
import { ErrorMessage } from '../ui/error-message';
import { formatDateTime } from '../ui/format';
import { AccessionPage } from './accession-page';

export const ACCESSION_STATUS_WORDS: Record<AccessionSummary['status'], string> = {
  received: 'Taken in: checking in',
  accessioned: 'Numbered and shelved',
};

/** An accession's stage in words, with its acknowledgment once sent. */
export function accessionStage(accession: AccessionSummary): string {
  return accession.acknowledgedAt ? `${ACCESSION_STATUS_WORDS[accession.status]}; acknowledged` : ACCESSION_STATUS_WORDS[accession.status];
}

export function AccessionsScreen({ accessionId }: { accessionId?: number }) {
  if (accessionId !== undefined) return <AccessionPage key={accessionId} id={accessionId} />;
  return <AccessionList />;
}

function AccessionList() {
  const accessions = useQuery(() => api['center.accessions']({}), []);
  return (
    <section className="screen stack" aria-labelledby="accessions-heading">
      <h1 id="accessions-heading" tabIndex={-1}>
        Accessions
      </h1>
      <ErrorMessage error={accessions.error} />
      {accessions.value && accessions.value.length === 0 && (
        <p className="hint">
          No transfer has been taken in yet. Open <a href="#/packages">Packages received</a>, choose the package a department sent, and take it in:
          it becomes an accession here, ready to check in box by box.
        </p>
      )}
      {accessions.value && accessions.value.length > 0 && (
        <table className="plain-table" aria-label="Accessions">
          <thead>
            <tr>
              <th scope="col">Accession</th>
              <th scope="col">Transfer</th>
              <th scope="col">Department</th>
              <th scope="col">Status</th>
              <th scope="col">Boxes</th>
              <th scope="col">Taken in</th>
            </tr>
          </thead>
          <tbody>
            {accessions.value.map((accession) => (
              <tr key={accession.id}>
                <td>
                  <a href={`#/accessions/${accession.id}`} onClick={(event) => { event.preventDefault(); navigate({ screen: 'accessions', accessionId: accession.id }); }}>
                    {accession.accessionNumber}
                  </a>
                </td>
                <td>{accession.transferNumber}</td>
                <td>{accession.department.name}</td>
                <td>{accessionStage(accession)}</td>
                <td>
                  {accession.totals.received + accession.totals.damaged} of {accession.totals.boxes} received
                  {accession.totals.missing > 0 ? `, ${accession.totals.missing} missing` : ''}
                  {accession.totals.extra > 0 ? `, ${accession.totals.extra} extra` : ''}
                </td>
                <td>{formatDateTime(accession.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
