// A box list from a department that does not use Transmittal: any spreadsheet of boxes (and folders), read with the
// same column detection as the department's import, taken in as an accession for the department named here.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { sendFile } from '../api/files';
import { navigate } from '../app/use-route';
import { ErrorMessage } from '../ui/error-message';

export function BoxListIntakeForm() {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);

  async function takeIn(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setWorking(true);
    try {
      const taken = await api['center.intakeBoxList']({ file: await sendFile(file), department: { name, code } });
      navigate({ screen: 'accessions', accessionId: taken.accession.id });
    } catch (failure) {
      setError(failure);
      setWorking(false);
    }
  }

  return (
    <form className="stack" aria-labelledby="box-list-heading" onSubmit={(event) => void takeIn(event)}>
      <h2 id="box-list-heading">A box list, from a department without Transmittal</h2>
      <p className="hint">
        Choose the spreadsheet (.xlsx, .ods or .csv) of boxes and folders the department sent. Its columns are recognised as the department import
        does; a row with a problem is named, and nothing is taken in until the whole list reads.
      </p>
      <div className="inline-form">
        <label className="field">
          <span>Box list</span>
          <input type="file" accept=".xlsx,.xls,.ods,.csv,.tsv,.txt" disabled={working} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </label>
        <label className="field">
          <span>Department</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label className="field">
          <span>Its code (optional)</span>
          <input value={code} onChange={(event) => setCode(event.target.value)} size={8} />
        </label>
        <button type="submit" className="button-primary" disabled={!file || !name.trim() || working}>
          Take in the box list
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
