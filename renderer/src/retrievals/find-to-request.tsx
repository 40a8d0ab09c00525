// Asking for something back without leaving this screen: find a box or folder by its label, file code or words of
// its title, see where it is now, and request it.
import { useId, useState, type FormEvent } from 'react';
import type { WhereHit } from '../../../shared/api/contract-retrieval';
import { api } from '../api/client';
import { ErrorMessage } from '../ui/error-message';
import type { RequestTargets } from './request-back-dialog';
import { WhereCell } from './where-now';

export function FindToRequest({ onChoose }: { onChoose: (targets: RequestTargets) => void }) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<WhereHit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setHits(await api['catalog.where']({ query: query.trim(), limit: 50 }));
    } catch (failure) {
      setHits(null);
      setError(failure);
    }
  };

  return (
    <section aria-labelledby={headingId} className="find-to-request">
      <h2 id={headingId}>Request something back</h2>
      <form className="find-row" role="search" onSubmit={(event) => void find(event)}>
        <label className="field">
          <span>Box label, file code or words of a folder title</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={200} />
        </label>
        <button type="submit" disabled={query.trim() === ''}>
          Find
        </button>
      </form>
      <ErrorMessage error={error} />
      {hits && hits.length === 0 && <p role="status">Nothing in the catalog matches “{query.trim()}”. Check the spelling, or try a box label.</p>}
      {hits && hits.length > 0 && (
        <table className="plain-table" aria-label="Found">
          <thead>
            <tr>
              <th scope="col">Box</th>
              <th scope="col">Folder</th>
              <th scope="col">Where now</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hits.map((hit) => (
              <tr key={`${hit.boxId}:${hit.folderId ?? ''}`}>
                <td>{hit.boxLabel}</td>
                <td>{hit.folderId === null ? <span className="muted">the whole box</span> : `${hit.folderPosition ?? ''} ${hit.title ?? ''}${hit.fileCode ? ` (${hit.fileCode})` : ''}`}</td>
                <td>
                  <WhereCell where={hit.where} />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Request back ${hit.folderId === null ? `box ${hit.boxLabel}` : `folder “${hit.title ?? ''}” in box ${hit.boxLabel}`}`}
                    onClick={() => onChoose(hit.folderId === null ? { boxIds: [hit.boxId], folderIds: [] } : { boxIds: [], folderIds: [hit.folderId] })}
                  >
                    Request back…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
