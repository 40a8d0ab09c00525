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

/** The center's notice period: the answer-by day of every disposition notice written from now on. */
export function NoticePeriodForm() {
  const settings = useQuery(() => api['center.settings']({}), []);
  const [days, setDays] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = days ?? (settings.value ? String(settings.value.noticeDays) : '');

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const value = Number(current.trim());
    if (!/^\d+$/.test(current.trim()) || value < 1 || value > 3650) {
      setError(new Error('The notice period is a whole number of days from 1 to 3650, e.g. 90.'));
      return;
    }
    try {
      const next = await api['center.setNoticeDays']({ days: value });
      settings.setValue(next);
      setDays(null);
      setSaved(`Saved: notices written from now on give departments ${next.noticeDays} ${next.noticeDays === 1 ? 'day' : 'days'} to answer.`);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form className="form-section stack" aria-labelledby="notice-period-heading" onSubmit={(event) => void save(event)}>
      <h2 id="notice-period-heading">Disposition notice period</h2>
      <label className="field">
        <span>Days a department has to answer</span>
        <input value={current} onChange={(event) => setDays(event.target.value)} inputMode="numeric" aria-describedby="notice-period-hint" />
      </label>
      <p id="notice-period-hint" className="hint">
        Every disposition notice states this period and the day the answer is due. Without an answer nothing is destroyed: the center asks again.
        Notices already sent keep their day.
      </p>
      <div>
        <button type="submit" className="button-primary" disabled={days === null}>
          Save the notice period
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      <ErrorMessage error={error ?? settings.error} />
    </form>
  );
}
