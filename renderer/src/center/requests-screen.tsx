// A records center's requests: the queue of every department's requests, soonest due first, and one request's page.
import { RequestPage } from './request-page';
import { RequestQueue } from './request-queue';

export function RequestsScreen({ requestId }: { requestId?: number }) {
  if (requestId !== undefined) return <RequestPage key={requestId} id={requestId} />;
  return <RequestQueue />;
}
