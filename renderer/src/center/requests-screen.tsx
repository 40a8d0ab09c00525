// A records center's requests queue: every open request from every department, soonest due first.
export function RequestsScreen({ requestId }: { requestId?: number }) {
  return (
    <section className="screen">
      <h1>Requests</h1>
      {requestId === undefined ? null : <p>Request {requestId}</p>}
    </section>
  );
}
