// A records center's accession number pattern, with the number the next intake of department PW would get.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';

export function CenterSettingsForm() {
  const settings = useQuery(() => api['center.settings']({}), []);
  const [pattern, setPattern] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = pattern ?? settings.value?.accessionNumberPattern ?? '';

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    try {
      const next = await api['center.setAccessionPattern']({ pattern: current });
      settings.setValue(next);
      setPattern(null);
      setSaved(`Saved: the next accession of department PW would be ${next.example}.`);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form className="form-section stack" aria-labelledby="accession-pattern-heading" onSubmit={(event) => void save(event)}>
      <h2 id="accession-pattern-heading">Accession numbers</h2>
      <label className="field">
        <span>Pattern</span>
        <input value={current} onChange={(event) => setPattern(event.target.value)} spellCheck={false} aria-describedby="accession-pattern-hint" />
      </label>
      <p id="accession-pattern-hint" className="hint">
        {'{DEPT}'} is the department’s code, {'{YYYY}'} the year, {'{NNNN}'} the running number (as many digits as Ns).
        {settings.value ? ` Now: ${settings.value.example}.` : ''} Numbers already given keep their form.
      </p>
      <div>
        <button type="submit" className="button-primary" disabled={pattern === null}>
          Save the pattern
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      <ErrorMessage error={error ?? settings.error} />
    </form>
  );
}
