// The frame of a page for one record opened from its list (a notice, a request back): the link back to that list,
// and what the page says until the record has loaded, or why it cannot be shown.
import type { ReactNode } from 'react';
import { ErrorMessage } from './error-message';

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="back-link" href={href}>
      <span aria-hidden="true">← </span>
      {children}
    </a>
  );
}

/** Until the record is there: "Loading…" under the page's title, or, when it could not be read, why. */
export function RecordNotLoaded({ back, title, notFoundTitle, error }: { back: ReactNode; title: string; notFoundTitle: string; error: unknown }) {
  return (
    <div className="screen">
      {back}
      <h1>{error ? notFoundTitle : title}</h1>
      {error ? <ErrorMessage error={error} /> : <p className="muted">Loading…</p>}
    </div>
  );
}
