// Settings: the department profile printed on every manifest and receipt, and where the catalog file lives.
import { CenterSettingsForm, NoticePeriodForm } from '../center/center-settings-form';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Role } from '../../../shared/api/contract-kit';
import type { Department } from '../../../shared/domain/types';
import {
  departmentFields,
  departmentFromForm,
  emptyDepartment,
  firstDepartmentProblem,
  fiscalYearSentence,
  monthNames,
  type DepartmentField,
} from './department-form';
import { fieldOfError, messageOfError, type FieldErrors } from '../ui/forms/field-errors';
import { FieldNotes, FormProblem, TextField, describedBy } from '../ui/forms/form-fields';
import '../ui/forms/forms.css';
import './settings.css';

const fieldId = (field: DepartmentField) => `department-${field}`;

export function SettingsScreen({ catalogPath, role = 'department' }: { catalogPath?: string; role?: Role }) {
  return (
    <section className="settings-screen" aria-labelledby="settings-heading">
      <h1 id="settings-heading" tabIndex={-1}>
        Settings
      </h1>
      <DepartmentProfile role={role} />
      {role === 'records-center' && <CenterSettingsForm />}
      {role === 'records-center' && <NoticePeriodForm />}
      <CatalogFile catalogPath={catalogPath} />
    </section>
  );
}

function DepartmentProfile({ role }: { role: Role }) {
  const center = role === 'records-center';
  const [form, setForm] = useState<Department | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors<DepartmentField>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);

  async function load() {
    try {
      setForm(await api['department.get']({}));
      setLoadProblem(null);
    } catch (error) {
      setLoadProblem(messageOfError(error));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  const current = form ?? emptyDepartment;
  const change = (changes: Partial<Department>) => {
    setForm({ ...current, ...changes });
    setStatus('');
  };

  function showProblems(found: FieldErrors<DepartmentField>, message: string) {
    setErrors(found);
    setProblem(message);
    const first = firstDepartmentProblem(found);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || !form) return;
    const checked = departmentFromForm(form);
    if (!checked.ok) {
      showProblems(checked.errors, 'The profile was not saved: some fields need attention, see the messages below.');
      return;
    }
    setSaving(true);
    setProblem(null);
    setErrors({});
    try {
      setForm(await api['department.update'](checked.department));
      setStatus('Saved. The department profile is up to date.');
    } catch (error) {
      const field = fieldOfError(error, departmentFields);
      showProblems(field ? { [field]: messageOfError(error) } : {}, messageOfError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="department-heading" aria-busy={form === null && !loadProblem}>
      <h2 id="department-heading">{center ? 'Records center profile' : 'Department profile'}</h2>
      <p className="settings-intro">
        {center
          ? 'Your records center as your own documents name it, and whom departments call.'
          : 'Printed on every manifest and receipt, so the records center knows whose records these are and whom to call.'}
      </p>
      {loadProblem ? (
        <div role="alert" className="form-problem">
          <p>The department profile could not be loaded. {loadProblem}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : form === null ? (
        <p>Loading the department profile…</p>
      ) : (
        <form noValidate className="settings-form" aria-busy={saving} onSubmit={(event) => void submit(event)}>
          <FormProblem message={problem} />
          <TextField
            id={fieldId('name')}
            label={center ? 'Records center name' : 'Department name'}
            required
            autoComplete="organization"
            value={current.name}
            error={errors.name}
            hint="As it should appear on manifests, receipts and box labels."
            onChange={(name) => change({ name })}
          />
          <TextField
            id={fieldId('code')}
            label={center ? 'Center code' : 'Department code'}
            size="short"
            value={current.code}
            error={errors.code}
            hint="Your office's code in the records program, if it has one."
            onChange={(code) => change({ code })}
          />
          <TextField
            id={fieldId('address')}
            label="Address"
            multiline
            value={current.address}
            error={errors.address}
            hint="Where the records center returns boxes and sends notices."
            onChange={(address) => change({ address })}
          />
          <fieldset className="form-fieldset">
            <legend>Contact</legend>
            <p className="field-hint">The person the records center calls about a transfer, a retrieval or a disposition notice.</p>
            <TextField
              id={fieldId('contactName')}
              label="Contact name"
              autoComplete="name"
              value={current.contactName}
              error={errors.contactName}
              onChange={(contactName) => change({ contactName })}
            />
            <TextField
              id={fieldId('contactPhone')}
              label="Contact phone"
              type="tel"
              autoComplete="tel"
              value={current.contactPhone}
              error={errors.contactPhone}
              onChange={(contactPhone) => change({ contactPhone })}
            />
            <TextField
              id={fieldId('contactEmail')}
              label="Contact email"
              type="email"
              autoComplete="email"
              value={current.contactEmail}
              error={errors.contactEmail}
              onChange={(contactEmail) => change({ contactEmail })}
            />
          </fieldset>
          <fieldset className="form-fieldset">
            <legend>Releasing official</legend>
            <p className="field-hint">Who signs the receipt’s “Released by” for the department. Printed with the title on every receipt.</p>
            <TextField
              id={fieldId('officialName')}
              label="Official’s name"
              value={current.officialName}
              error={errors.officialName}
              onChange={(officialName) => change({ officialName })}
            />
            <TextField
              id={fieldId('officialTitle')}
              label="Official’s title"
              value={current.officialTitle}
              error={errors.officialTitle}
              onChange={(officialTitle) => change({ officialTitle })}
            />
          </fieldset>
          <div className="form-field">
            <label htmlFor={fieldId('fiscalYearStartMonth')} className="field-label">
              Fiscal year starts in
            </label>
            <select
              id={fieldId('fiscalYearStartMonth')}
              className="field-input"
              value={current.fiscalYearStartMonth}
              aria-describedby={describedBy(fieldId('fiscalYearStartMonth'), true, errors.fiscalYearStartMonth)}
              onChange={(event) => change({ fiscalYearStartMonth: Number(event.target.value) })}
            >
              {monthNames.map((month, index) => (
                <option key={month} value={index + 1}>
                  {month}
                </option>
              ))}
            </select>
            <FieldNotes
              id={fieldId('fiscalYearStartMonth')}
              error={errors.fiscalYearStartMonth}
              hint={
                <>
                  {fiscalYearSentence(current.fiscalYearStartMonth)} A fiscal year is named for the year it ends in.
                  Items with a fiscal-year rule (FY+6) count from the end of the fiscal year, so changing this moves
                  their folders' disposition dates.
                </>
              }
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button-primary">
              Save
            </button>
          </div>
          <p role="status" className="form-status">
            {status}
          </p>
        </form>
      )}
    </section>
  );
}

function CatalogFile({ catalogPath }: { catalogPath?: string }) {
  const [path, setPath] = useState<string | null | undefined>(catalogPath);

  useEffect(() => {
    if (catalogPath !== undefined) {
      setPath(catalogPath);
      return;
    }
    let current = true;
    api['app.status']({}).then(
      (status) => current && setPath(status.catalog?.path ?? null),
      () => current && setPath(null),
    );
    return () => {
      current = false;
    };
  }, [catalogPath]);

  return (
    <section className="settings-section" aria-labelledby="catalog-file-heading">
      <h2 id="catalog-file-heading">Catalog file</h2>
      {path ? (
        <>
          <p>Everything on these screens — the profile, the schedule, every box and folder — is kept in one file:</p>
          <p className="settings-path">
            <code>{path}</code>
          </p>
          <p className="field-hint">
            Back it up with your office's other important files: a copy of this file is a copy of the whole catalog.
          </p>
        </>
      ) : path === null ? (
        <p>No catalog file is open. Open or create a catalog to keep your department's records in it.</p>
      ) : (
        <p>Finding the catalog file…</p>
      )}
    </section>
  );
}
