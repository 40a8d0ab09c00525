// The first real step: whose catalog this is (a department's own records, the default, or a records center's
// holdings), its name and the catalog file. The catalog name follows the name until the person changes it.
import { useState } from 'react';
import { api } from '../api/client';
import type { Role } from '../../../shared/api/contract-kit';
import { ErrorMessage } from '../ui/error-message';

/** A department name as a file name: the characters a file name cannot hold become dashes. */
export function catalogNameFor(departmentName: string): string {
  return departmentName
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

export function CreateCatalogForm({ onCreated }: { onCreated: () => void }) {
  const [role, setRole] = useState<Role>('department');
  const [departmentName, setDepartmentName] = useState('');
  const [catalogName, setCatalogName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);

  const fileName = nameEdited ? catalogName : catalogNameFor(departmentName);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      await api['catalog.create']({ fileName, role, department: { name: departmentName, fiscalYearStartMonth: 7 } });
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className="role-choice">
        <legend>Who keeps this catalog?</legend>
        <label>
          <input type="radio" name="catalog-role" checked={role === 'department'} onChange={() => setRole('department')} /> A department, sending
          its records to a records center
        </label>
        <label>
          <input type="radio" name="catalog-role" checked={role === 'records-center'} onChange={() => setRole('records-center')} /> A records
          center, receiving departments’ records
        </label>
      </fieldset>
      <label className="field">
        <span>{role === 'department' ? 'Department name' : 'Records center name'}</span>
        <input
          value={departmentName}
          onChange={(event) => setDepartmentName(event.target.value)}
          placeholder={role === 'department' ? 'e.g. Building Permits Office' : 'e.g. City Records Center'}
          autoComplete="organization"
          required
        />
      </label>
      <label className="field">
        <span>Catalog name</span>
        <input
          value={fileName}
          onChange={(event) => {
            setNameEdited(true);
            setCatalogName(event.target.value);
          }}
          aria-describedby="catalog-name-hint"
          required
        />
        <span id="catalog-name-hint" className="hint">
          The catalog is saved as a file with this name in your Transmittal folder.
        </span>
      </label>
      <ErrorMessage error={error} />
      <div>
        <button type="submit" className="button-primary button-large" disabled={working}>
          {working ? 'Creating…' : 'Create a catalog'}
        </button>
      </div>
    </form>
  );
}
