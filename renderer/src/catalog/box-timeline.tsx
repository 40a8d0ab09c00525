// A box's history: catalogued, sent, received, shelved, any discrepancy, each with when and by whom. The same facts
// the records center holds for the box, taken in from its acknowledgment.
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { formatDateTime } from '../ui/format';

export function BoxTimeline({ boxId }: { boxId: number }) {
  const timeline = useQuery(() => api['boxes.timeline']({ id: boxId }), [boxId]);
  return (
    <section aria-labelledby="box-history-heading" className="stack">
      <h2 id="box-history-heading">History</h2>
      <ErrorMessage error={timeline.error} />
      {timeline.value && (
        <ol className="timeline" aria-label="What happened to this box">
          {timeline.value.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> {entry.what}
              {entry.actor ? <span className="muted"> — {entry.actor}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
