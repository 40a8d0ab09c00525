// Step 3: every row accounted for before anything is written: how many will be imported, each problem by sheet, row
// and column, what is already in the catalog (skip or update), each row skipped and why, and what stays unlinked.
// The import button stays off while rows have problems, unless the person chooses the good rows only, and when
// nothing in the file is new.
import { useId } from 'react';
import { describeProblem, describeSkippedRow, type ImportPreview } from '../../../shared/api/contract-import';
import { problemsCsv, problemsCsvName, skippedRowsCsv, skippedRowsCsvName } from '../../../shared/import/report-csv';
import { plural } from '../ui/format';
import { saveFile } from '../ui/save-file';
import { importButton } from './import-button';

// Past these, the lists say how many more there are; the saved CSV has them all.
const SHOWN_PROBLEMS = 200;
const SHOWN_SKIPPED = 200;

export interface ReviewChoices {
  onDuplicate: 'skip' | 'update';
  importGoodRowsOnly: boolean;
}

interface ReviewStepProps {
  preview: ImportPreview;
  choices: ReviewChoices;
  onChoicesChange: (choices: ReviewChoices) => void;
  onBack: () => void;
  onImport: () => void;
  working: boolean;
}

export function ReviewStep({ preview, choices, onChoicesChange, onBack, onImport, working }: ReviewStepProps) {
  const { report, duplicateCounts } = preview;
  const problemsId = useId();
  const skippedId = useId();
  const duplicates = duplicateCounts.boxes + duplicateCounts.folders + duplicateCounts.scheduleItems;
  const hasProblems = preview.rowsWithProblems > 0;
  const blocked = hasProblems && !choices.importGoodRowsOnly;
  const button = importButton(preview, choices.onDuplicate);
  const what = preview.kind === 'inventory' ? plural(preview.counts.folders, 'folder', 'folders') + ` in ${plural(preview.counts.boxes, 'box', 'boxes')}` : plural(preview.counts.scheduleItems, 'schedule item', 'schedule items');

  return (
    <div className="stack">
      <h3>Check before importing</h3>
      <p>
        <strong>{plural(report.rowsImported, 'row', 'rows')} will be imported</strong> from sheet “{preview.sheet}” ({what}).{' '}
        {plural(report.rowsSkippedBlank, 'row was', 'rows were')} skipped as blank and {plural(report.rowsSkippedTotal, 'row', 'rows')} as totals, out
        of {plural(report.rowsRead, 'row', 'rows')} read.
      </p>

      {hasProblems && (
        <section className="import-problems" aria-labelledby={problemsId}>
          <h4 id={problemsId}>Problems</h4>
          <p role="alert">
            {plural(preview.rowsWithProblems, 'row has', 'rows have')} problems. Fix them in the file and choose it again, or import only the good
            rows.
          </p>
          <ul>
            {report.problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
              <li key={index}>{describeProblem(problem)}</li>
            ))}
          </ul>
          {report.problems.length > SHOWN_PROBLEMS && <p className="hint">…and {plural(report.problems.length - SHOWN_PROBLEMS, 'more problem', 'more problems')}.</p>}
          <button type="button" onClick={() => saveFile(problemsCsvName(preview.fileName), problemsCsv(report.problems), 'text/csv;charset=utf-8')}>
            Save the list of {plural(report.problems.length, 'problem', 'problems')} (CSV)
          </button>
        </section>
      )}

      {duplicates > 0 && (
        <section className="import-duplicates">
          <h4>Already in your catalog</h4>
          <p>
            {preview.kind === 'inventory'
              ? `${plural(duplicateCounts.boxes, 'box', 'boxes')} and ${plural(duplicateCounts.folders, 'folder', 'folders')} in this file are already in the catalog.`
              : `${plural(duplicateCounts.scheduleItems, 'schedule item is', 'schedule items are')} already in your schedule.`}
          </p>
          <ul className="import-list">
            {preview.duplicates.map((duplicate, index) => (
              <li key={index}>
                Row {duplicate.row}: {duplicate.description}
              </li>
            ))}
          </ul>
          <fieldset>
            <legend>What should happen to them?</legend>
            <label>
              <input type="radio" name="on-duplicate" checked={choices.onDuplicate === 'skip'} onChange={() => onChoicesChange({ ...choices, onDuplicate: 'skip' })} /> Skip
              them: keep what the catalog has
            </label>
            <label>
              <input type="radio" name="on-duplicate" checked={choices.onDuplicate === 'update'} onChange={() => onChoicesChange({ ...choices, onDuplicate: 'update' })} />{' '}
              Update them with what the file says
            </label>
          </fieldset>
        </section>
      )}

      <SkippedRows preview={preview} headingId={skippedId} />

      {preview.unlinked.length > 0 && (
        <section>
          <h4>Not in your retention schedule</h4>
          <p className="hint">These folders will be imported without a schedule item. Import your schedule first, then this file again choosing Update, to link them.</p>
          <ul className="import-list">
            {preview.unlinked.map((each) => (
              <li key={each.value}>
                “{each.value}”: {plural(each.folders, 'folder', 'folders')} (first on row {each.firstRow})
              </li>
            ))}
          </ul>
        </section>
      )}

      {preview.unparsedRules.length > 0 && (
        <section>
          <h4>Retention to set by hand</h4>
          <p className="hint">The retention text is kept as written, but Transmittal could not read it as a rule. Set these rules on the Schedule screen after importing.</p>
          <ul className="import-list">
            {preview.unparsedRules.map((each) => (
              <li key={each.row}>
                Row {each.row}, {each.itemNumber}: “{each.retentionText}”
              </li>
            ))}
          </ul>
        </section>
      )}

      <SampleTable preview={preview} />

      {hasProblems && (
        <label className="import-good-rows">
          <input type="checkbox" checked={choices.importGoodRowsOnly} onChange={(event) => onChoicesChange({ ...choices, importGoodRowsOnly: event.target.checked })} />{' '}
          Import only the good rows ({plural(report.rowsImported, 'row', 'rows')}); leave the {plural(preview.rowsWithProblems, 'row', 'rows')} with problems out
        </label>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onBack} disabled={working}>
          Back
        </button>
        <button type="button" className="button-primary" disabled={blocked || working || !button.enabled} onClick={onImport}>
          {button.label}
        </button>
      </div>
    </div>
  );
}

/** Each row that holds nothing to import, with why and what it holds, so a row skipped by mistake is seen. */
function SkippedRows({ preview, headingId }: { preview: ImportPreview; headingId: string }) {
  const { skippedRows } = preview;
  if (skippedRows.length === 0) return null;
  const more = skippedRows.length - SHOWN_SKIPPED;
  return (
    <section className="import-skipped" aria-labelledby={headingId}>
      <h4 id={headingId}>Skipped rows</h4>
      <p className="hint">
        These rows hold nothing to import. A row filled only in columns marked Ignore is skipped too: if one of them is a record, go Back and say what its
        columns mean.
      </p>
      <ul className="import-list" tabIndex={0} aria-labelledby={headingId}>
        {skippedRows.slice(0, SHOWN_SKIPPED).map((skipped) => (
          <li key={skipped.row}>{describeSkippedRow(skipped)}</li>
        ))}
      </ul>
      {more > 0 && <p className="hint">…and {plural(more, 'more skipped row', 'more skipped rows')}.</p>}
      <button type="button" onClick={() => saveFile(skippedRowsCsvName(preview.fileName), skippedRowsCsv(preview.sheet, skippedRows), 'text/csv;charset=utf-8')}>
        Save the list of {plural(skippedRows.length, 'skipped row', 'skipped rows')} (CSV)
      </button>
    </section>
  );
}

function SampleTable({ preview }: { preview: ImportPreview }) {
  if (preview.sample.rows.length === 0) return null;
  return (
    <div className="import-preview-wrap" tabIndex={0} role="region" aria-label="The first records as they will be imported">
      <table className="import-preview">
        <caption>The first {preview.sample.rows.length} records as they will be imported</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {preview.sample.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.rows.map((row, index) => (
            <tr key={`${row.row}:${index}`} className={row.duplicate ? 'import-duplicate-row' : undefined}>
              <th scope="row">
                {row.row}
                {row.duplicate && <span className="hint"> (already in catalog)</span>}
              </th>
              {row.cells.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
