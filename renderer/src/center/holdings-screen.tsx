// Everything a records center holds, searched at once: any word of a folder's title or code or a box's label, a
// box barcode, an accession number or a location; each hit says where it is and whose it is.
import { useState, type FormEvent } from 'react';
import type { CenterSearchInput } from '../../../shared/api/contract-center';
import { holdingBoxStatusLabels } from '../../../shared/center/holdings';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { formatCount } from '../ui/format';

export function HoldingsScreen() {
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const results = useQuery(() => api['center.search']({ query, offset: 0, limit: 100 } as CenterSearchInput), [query]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft.trim());
  };

  return (
    <section className="screen stack" aria-labelledby="holdings-heading">
      <h1 id="holdings-heading" tabIndex={-1}>
        Holdings
      </h1>
      <form role="search" onSubmit={search} className="inline-form">
        <label className="field">
          <span>Search every department’s folders and boxes</span>
          <input type="search" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="Words of a title, a box barcode, an accession…" />
        </label>
        <button type="submit" className="button-primary">
          Search
        </button>
      </form>
      <ErrorMessage error={results.error} />
      {results.value && results.value.total === 0 && (
        <p className="hint">{query ? `Nothing held matches “${query}”.` : 'Nothing is held yet: take in a package under Packages received.'}</p>
      )}
      {results.value && results.value.total > 0 && (
        <>
          <p role="status">
            {formatCount(results.value.total)} {results.value.total === 1 ? 'folder' : 'folders'}
            {results.value.total > results.value.rows.length ? `, the first ${results.value.rows.length} shown` : ''}
          </p>
          <table className="plain-table" aria-label="Folders held">
            <thead>
              <tr>
                <th scope="col">Folder (as the department wrote it)</th>
                <th scope="col">Box</th>
                <th scope="col">Where</th>
                <th scope="col">Whose</th>
              </tr>
            </thead>
            <tbody>
              {results.value.rows.map((hit) => (
                <tr key={hit.folderId}>
                  <td>
                    {hit.position}. {hit.title}
                    {hit.fileCode ? <span className="muted"> · {hit.fileCode}</span> : null}
                  </td>
                  <td>
                    {hit.boxLabel}
                    {hit.boxCode ? <span className="muted"> · {hit.boxCode}</span> : null}
                  </td>
                  <td>
                    {hit.disposed
                      ? `${hit.disposed.action === 'destroyed' ? 'Destroyed' : 'Transferred to the archives'} on ${hit.disposed.at.slice(0, 10)}${hit.disposed.certificateNumber ? ` (certificate ${hit.disposed.certificateNumber})` : ''}`
                      : (hit.location ?? holdingBoxStatusLabels[hit.boxStatus])}
                    {hit.centerBoxNumber ? ` (box ${hit.centerBoxNumber})` : ''}
                  </td>
                  <td>
                    {hit.departmentName}, accession {hit.accessionNumber}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
