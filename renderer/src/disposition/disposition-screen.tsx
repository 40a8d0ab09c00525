// Disposition, on either side: a center's due list, notices and certificates; a department's notices to answer.
import type { Role } from '../../../shared/api/contract-kit';

export function DispositionScreen({ role, noticeId }: { role: Role; noticeId?: number }) {
  return (
    <section className="screen">
      <h1>Disposition</h1>
      <p>{role === 'records-center' ? 'Notices to departments.' : 'Notices from the records center.'}</p>
      {noticeId === undefined ? null : <p>Notice {noticeId}</p>}
    </section>
  );
}
