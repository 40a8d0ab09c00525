// What the check found before sending: errors (which block it) and warnings (which the person weighs), each in
// plain words and each a link to the box or folder it is about.
import { useState } from 'react';
import type { TransferValidation, ValidationIssue } from '../../../shared/api/contract-transfers';
import { routeHref } from '../app/routes';
import { plural } from '../ui/format';

const SHOWN = 25;

export function ValidationPanel({ validation }: { validation: TransferValidation }) {
  const errors = validation.issues.filter((issue) => issue.level === 'error');
  const warnings = validation.issues.filter((issue) => issue.level === 'warning');
  return (
    <section className="validation-panel" aria-labelledby="validation-heading">
      <h2 id="validation-heading">Check before sending</h2>
      {validation.issues.length === 0 && <p className="success-message">Nothing to fix: this transfer is ready to send.</p>}
      {errors.length > 0 && (
        <div role="alert" className="validation-errors">
          <h3>{plural(errors.length, 'problem blocks', 'problems block')} sending</h3>
          <IssueList issues={errors} />
        </div>
      )}
      {warnings.length > 0 && (
        <div className="validation-warnings">
          <h3>{plural(warnings.length, 'thing', 'things')} to look at</h3>
          <p className="hint">Warnings do not stop you sending; they are what records centers most often ask about.</p>
          <IssueList issues={warnings} />
        </div>
      )}
    </section>
  );
}

function IssueList({ issues }: { issues: ValidationIssue[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? issues : issues.slice(0, SHOWN);
  return (
    <>
      <ul className="issue-list">
        {shown.map((issue, index) => (
          <li key={`${issue.code}-${issue.boxId ?? ''}-${issue.folderId ?? ''}-${index}`}>
            {issue.boxId !== undefined ? (
              <a href={routeHref({ screen: 'catalog', boxId: issue.boxId, folderId: issue.folderId })}>{issue.message}</a>
            ) : (
              issue.message
            )}
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && (
        <button type="button" className="button-link" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${issues.length.toLocaleString('en-US')}`}
        </button>
      )}
    </>
  );
}
