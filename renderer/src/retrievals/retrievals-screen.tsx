// A department's requests back: every box and folder it asked for, where each stands, and the center's updates.
export function RetrievalsScreen({ requestId }: { requestId?: number }) {
  return (
    <section className="screen">
      <h1>Requests back</h1>
      {requestId === undefined ? null : <p>Request {requestId}</p>}
    </section>
  );
}
