// "Paperwork kept", at the bottom of the Disposition screen on either side: every manifest, acknowledgment, notice,
// response and certificate this catalog holds, found by number, box label or words, with until when it is kept —
// destroying the boxes never takes their paperwork with them — and the number of years it is kept afterwards.
import { useId, useState, type FormEvent } from 'react';
import { paperworkKindWords, type PaperworkRow } from '../../../shared/api/contract-disposition';
import { api } from '../api/client';
import { useDebounced, useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { longDate } from './notice-banner';

const SEARCH_DEBOUNCE_MS = 150;
const LIMIT = 200;
const FINGERPRINT_SHOWN = 12;
// Numbers, dates and short fingerprints read as one piece; only `about` wraps.
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

export function keptWords(row: Pick<PaperworkRow, 'keepUntil'>): string {
  return row.keepUntil ? `Kept until ${longDate(row.keepUntil)}` : 'Kept while the records exist';
}

/** `version` changes when the screen around it wrote or took in a document, so the list shows it. */
export function PaperworkPanel({ version = 0 }: { version?: number }) {
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const list = useQuery(() => api['paperwork.list']({ query, limit: LIMIT }), [query, version]);
  const searchHintId = useId();
  const years = list.value?.years;

  return (
    <section className="screen stack paperwork-panel" aria-labelledby="paperwork-heading">
      <h2 id="paperwork-heading">Paperwork kept</h2>
      <p className="hint">
        Manifests, acknowledgments, notices, responses and certificates are the written proof of what happened to the records. They are never deleted
        with the boxes: each is kept while its records exist, then for the years set below after the last of them was destroyed or sent to the archives.
      </p>
      <label className="field field-search">
        <span>Search the paperwork</span>
        <input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Number, box label or words"
          aria-describedby={searchHintId}
        />
      </label>
      <p id={searchHintId} className="sr-only">
        Finds a document by its number (a transfer, accession, notice or certificate number), the label of any box it concerns, words of what it is
        about, or the first characters of its fingerprint.
      </p>
      <ErrorMessage error={list.error} />
      {list.value && <PaperworkList rows={list.value.rows} years={list.value.years} query={query} />}
      <YearsSetting years={years} onSaved={list.reload} />
    </section>
  );
}

function PaperworkList({ rows, years, query }: { rows: PaperworkRow[]; years: number; query: string }) {
  if (rows.length === 0 && !query) {
    return (
      <div className="paperwork-empty">
        <p>
          Every manifest, acknowledgment, notice, response and certificate is kept here, also after the records are destroyed, for{' '}
          {plural(years, 'year', 'years')}.
        </p>
        <p className="hint">Nothing has been exchanged yet: the first manifest is kept here the day a transfer is sent or taken in.</p>
      </div>
    );
  }
  return (
    <>
      <p role="status">
        {rows.length === 0
          ? `No paperwork matches “${query}”.`
          : `${query ? `${plural(rows.length, 'document matches', 'documents match')} “${query}”` : plural(rows.length, 'document', 'documents')}${rows.length >= LIMIT ? `, the first ${LIMIT} shown: search to narrow` : ''}.`}
      </p>
      {rows.length > 0 && (
        <table className="plain-table paperwork-table" aria-label="Paperwork kept">
          <caption className="sr-only">Paperwork kept, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Number</th>
              <th scope="col">About</th>
              <th scope="col">Date</th>
              <th scope="col">Kept</th>
              <th scope="col">Fingerprint</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.kind}:${row.number}:${row.fingerprint}:${index}`} data-paperwork-kind={row.kind}>
                <td>{paperworkKindWords[row.kind]}</td>
                <th scope="row" style={NO_WRAP}>
                  {row.number}
                </th>
                <td>{row.about}</td>
                <td style={NO_WRAP}>{longDate(row.at)}</td>
                <td>{keptWords(row)}</td>
                <td style={NO_WRAP}>
                  {row.fingerprint ? (
                    <code className="fingerprint" title={row.fingerprint} aria-label={`Fingerprint ${row.fingerprint}`}>
                      {row.fingerprint.slice(0, FINGERPRINT_SHOWN)}…
                    </code>
                  ) : (
                    <span className="muted">Not sealed yet</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The paperwork period: how many years paperwork is kept after the last of its records is destroyed. */
function YearsSetting({ years, onSaved }: { years: number | undefined; onSaved: () => void }) {
  // null while the person has not typed: the field then shows the saved value.
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const hintId = useId();
  const errorId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setRefusal(null);
    setSaved(null);
    const text = (draft ?? String(years ?? '')).trim();
    const wanted = Number(text);
    if (!/^\d+$/.test(text) || wanted < 1 || wanted > 100) {
      setRefusal(`Keep paperwork for a whole number of years from 1 to 100${text ? ` (not “${text}”)` : ''}.`);
      return;
    }
    setWorking(true);
    try {
      const result = await api['paperwork.setYears']({ years: wanted });
      setDraft(null);
      setSaved(`Saved: paperwork is now kept ${plural(result.years, 'year', 'years')} after the last of its records is destroyed.`);
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  }

  return (
    <form className="inline-form" aria-label="How long paperwork is kept" onSubmit={(event) => void save(event)} noValidate>
      <label className="field">
        <span>Years kept after the records are destroyed</span>
        <input
          type="number"
          min={1}
          max={100}
          step={1}
          value={draft ?? (years === undefined ? '' : String(years))}
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved(null);
          }}
          aria-describedby={`${hintId}${refusal ? ` ${errorId}` : ''}`}
          aria-invalid={refusal ? true : undefined}
        />
      </label>
      <button type="submit" className="button-primary" disabled={working || years === undefined}>
        Save
      </button>
      <p id={hintId} className="hint">
        {years === undefined ? 'Reading the setting…' : `Now ${plural(years, 'year', 'years')}.`} Your records schedule or the law may ask for more; it
        applies to every document above.
      </p>
      {refusal && (
        <p role="alert" id={errorId} className="error-message">
          {refusal}
        </p>
      )}
      <ErrorMessage error={error} />
      {saved && (
        <p role="status" className="success-message">
          {saved}
        </p>
      )}
    </form>
  );
}
