// Step 2: the chosen sheet's first rows as the file has them, with a choice above each column saying what it means
// (guessed from the headings; any column can be ignored), the row holding the headings, and saved mappings.
import { useId, useState } from 'react';
import type { ApiInput } from '../../../shared/api/contract';
import type { ImportedFile, ImportKind, ImportPreview } from '../../../shared/api/contract-import';
import { api } from '../api/client';
import { ErrorMessage } from '../ui/error-message';
import { SavedMappings } from './saved-mappings';
import { columnLetter, fieldOf, fieldsFor, mappedCount, withField, withHeaderRow, type AnyMapping } from './wizard-mapping';

const MAX_COLUMNS = 80;

interface MappingStepProps {
  file: ImportedFile;
  kind: ImportKind;
  mapping: AnyMapping;
  onMappingChange: (mapping: AnyMapping) => void;
  onBack: () => void;
  onPreview: (preview: ImportPreview) => void;
}

export function MappingStep({ file, kind, mapping, onMappingChange, onBack, onPreview }: MappingStepProps) {
  const sheet = file.sheets.find((each) => each.name === mapping.sheet) ?? file.sheets[0];
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const sheetId = useId();
  const headerId = useId();
  const fields = fieldsFor(kind);
  // A stray cell far to the right can make a sheet thousands of columns wide: show the first ones only.
  const columns = Array.from({ length: Math.min(sheet.columnCount, MAX_COLUMNS) }, (_, index) => index);

  const next = async () => {
    setWorking(true);
    setError(null);
    try {
      onPreview(await api['import.preview']({ importId: file.importId, kind, mapping } as ApiInput<'import.preview'>));
    } catch (failure) {
      setError(failure);
      setWorking(false);
    }
  };

  const rowLabel = (row: string[], index: number) => {
    const text = row.filter((cell) => cell.trim() !== '').slice(0, 4).join(' | ');
    return `Row ${sheet.previewRowNumbers[index] ?? index + 1}${text ? `: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}` : ' (blank)'}`;
  };

  return (
    <div className="stack">
      <h3>Say what each column means</h3>
      <div className="import-mapping-controls">
        {file.sheets.length > 1 && (
          <label className="field">
            <span id={sheetId}>Sheet</span>
            <select aria-labelledby={sheetId} value={sheet.name} onChange={(event) => onMappingChange(file.sheets.find((each) => each.name === event.target.value)!.suggested[kind])}>
              {file.sheets.map((each) => (
                <option key={each.name} value={each.name}>
                  {each.name}
                  {each.hidden ? ' (hidden sheet)' : ''} — {each.rowCount.toLocaleString('en-US')} rows
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span id={headerId}>Header row</span>
          <select aria-labelledby={headerId} value={mapping.headerRow} onChange={(event) => onMappingChange(withHeaderRow(sheet, kind, Number(event.target.value)))}>
            {sheet.previewRows.map((row, index) => (
              <option key={index} value={index}>
                {rowLabel(row, index)}
              </option>
            ))}
          </select>
        </label>
        <SavedMappings importId={file.importId} kind={kind} mapping={mapping} onUse={onMappingChange} />
      </div>
      {sheet.hidden && <p className="hint">This sheet is hidden in the file. Check it is the one you mean.</p>}
      <div className="import-preview-wrap" tabIndex={0} role="region" aria-label={`First rows of sheet ${sheet.name}`}>
        <table className="import-preview">
          <caption className="sr-only">
            First {sheet.previewRows.length} rows of sheet {sheet.name}, with what each column means
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {columns.map((index) => {
                const heading = sheet.previewRows[mapping.headerRow]?.[index] ?? '';
                const hidden = sheet.hiddenColumns.includes(index);
                return (
                  <th scope="col" key={index}>
                    <label className="import-column-choice">
                      <span className="hint">
                        Column {columnLetter(index)}
                        {hidden ? ' (hidden)' : ''}
                      </span>
                      <select
                        aria-label={`Column ${columnLetter(index)}${heading ? ` “${heading}”` : ''} means`}
                        value={fieldOf(mapping, index) ?? ''}
                        onChange={(event) => onMappingChange(withField(mapping, sheet, index, event.target.value || null))}
                      >
                        <option value="">Ignore</option>
                        {fields.map((field) => (
                          <option key={field.value} value={field.value}>
                            {field.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sheet.previewRows.map((row, rowIndex) => (
              <tr key={rowIndex} className={rowIndex === mapping.headerRow ? 'import-header-row' : rowIndex < mapping.headerRow ? 'import-above-header' : undefined}>
                <th scope="row">{sheet.previewRowNumbers[rowIndex] ?? rowIndex + 1}</th>
                {columns.map((index) => (
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Showing the first {sheet.previewRows.length} of {sheet.rowCount.toLocaleString('en-US')} rows
        {sheet.columnCount > MAX_COLUMNS ? ` and the first ${MAX_COLUMNS} of ${sheet.columnCount.toLocaleString('en-US')} columns` : ''}. The header row is
        highlighted; rows above it are not imported.
      </p>
      <ErrorMessage error={error} />
      <div className="modal-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="button-primary" disabled={working || mappedCount(mapping) === 0} onClick={() => void next()}>
          Check the rows
        </button>
      </div>
    </div>
  );
}
