// Mappings saved by name in the catalog: use one on this file (its columns are matched by heading), or save the
// one on screen for the next file laid out the same way.
import { useId, useState } from 'react';
import type { ApiInput } from '../../../shared/api/contract';
import type { ImportKind } from '../../../shared/api/contract-import';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import type { AnyMapping } from './wizard-mapping';

interface SavedMappingsProps {
  importId: string;
  kind: ImportKind;
  mapping: AnyMapping;
  onUse: (mapping: AnyMapping) => void;
}

export function SavedMappings({ importId, kind, mapping, onUse }: SavedMappingsProps) {
  const saved = useQuery(() => api['import.listMappings']({ kind, importId, sheet: mapping.sheet }), [kind, importId, mapping.sheet]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const chooseId = useId();
  const nameId = useId();

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const stored = await api['import.saveMapping']({ name, kind, mapping } as ApiInput<'import.saveMapping'>);
      setNaming(false);
      setNotice(`Saved the mapping “${stored.name}”.`);
      saved.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const choices = saved.value ?? [];
  return (
    <div className="import-saved-mappings">
      {choices.length > 0 && (
        <label className="field">
          <span id={chooseId}>Use saved mapping…</span>
          <select
            aria-labelledby={chooseId}
            value=""
            onChange={(event) => {
              const chosen = choices.find((each) => each.name === event.target.value);
              if (chosen?.fitted) {
                onUse(chosen.fitted as AnyMapping);
                setNotice(`Using “${chosen.name}”: ${chosen.matchedColumns ?? 0} column headings matched.`);
              }
            }}
          >
            <option value="">Choose…</option>
            {choices.map((each) => (
              <option key={each.name} value={each.name}>
                {each.name} ({each.matchedColumns ?? 0} matching headings)
              </option>
            ))}
          </select>
        </label>
      )}
      {naming ? (
        <form className="import-save-mapping" onSubmit={save}>
          <label className="field">
            <span id={nameId}>Name for this mapping</span>
            <input aria-labelledby={nameId} autoFocus value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
          </label>
          <button type="submit">Save</button>
          <button type="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          Save this mapping…
        </button>
      )}
      <p role="status" className="hint">
        {notice}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}
