// Packages received: a records center checks a transfer package a department sent (the .zip) before taking it in:
// every file's checksum, the manifest against its published format, and the fingerprint the receipts print.
import { useId, useState } from 'react';
import type { PackageVerification } from '../../../shared/exchange/bag-report';
import { api } from '../api/client';
import { sendFile } from '../api/files';
import { ErrorMessage } from '../ui/error-message';
import { navigate } from '../app/use-route';
import { BoxListIntakeForm } from '../center/box-list-intake-form';

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

export function PackagesScreen() {
  const [report, setReport] = useState<{ file: File; fileName: string; result: PackageVerification } | null>(null);
  const [takingIn, setTakingIn] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const hintId = useId();

  const check = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReport(null);
    setWorking(true);
    try {
      const result = await api['packages.verify']({ file: await sendFile(file) });
      setReport({ file, fileName: file.name, result });
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };

  const takeIn = async (file: File) => {
    setError(null);
    setTakingIn(true);
    try {
      const taken = await api['center.intake']({ file: await sendFile(file) });
      navigate({ screen: 'accessions', accessionId: taken.accession.id });
    } catch (failure) {
      setError(failure);
      setTakingIn(false);
    }
  };

  return (
    <section className="stack" aria-labelledby="packages-heading">
      <h1 id="packages-heading" tabIndex={-1}>
        Packages received
      </h1>
      <p id={hintId} className="hint">
        Choose the transfer package (.zip) a department sent. Transmittal checks every file against its checksum, the
        manifest against its published format, and its fingerprint against the one printed on the department’s receipt.
        Nothing is added to your catalog until you take it in.
      </p>
      <label className="field">
        <span>Transfer package</span>
        <input type="file" accept=".zip,application/zip" aria-describedby={hintId} disabled={working} onChange={(event) => void check(event.target.files?.[0])} />
      </label>
      {working && <p role="status">Checking the package…</p>}
      <ErrorMessage error={error} />
      {report && <VerificationReport fileName={report.fileName} result={report.result} />}
      {report?.result.valid && report.result.transmittal && (
        <div>
          <button type="button" className="button-primary" disabled={takingIn} onClick={() => void takeIn(report.file)}>
            Take in as a new accession
          </button>
        </div>
      )}
      <BoxListIntakeForm />
    </section>
  );
}

function VerificationReport({ fileName, result }: { fileName: string; result: PackageVerification }) {
  const { info } = result;
  return (
    <div className={result.valid ? 'success-message stack' : 'error-message stack'} role="status" aria-live="polite">
      <p className="banner-title">
        {result.valid
          ? `${fileName} is complete and unchanged: ${plural(info.payloadFiles, 'file', 'files')}, every checksum matches.`
          : `${fileName} did not pass the check: ${plural(result.errors.length, 'problem', 'problems')}.`}
      </p>
      {result.transmittal && (
        <p>
          Transfer <strong>{result.transmittal.transferNumber}</strong>. Manifest fingerprint:{' '}
          <code className="fingerprint">{result.transmittal.fingerprint}</code> — compare it with the one printed on the receipt.
        </p>
      )}
      {result.errors.length > 0 && (
        <ul aria-label="Problems">
          {result.errors.map((problem, index) => (
            <li key={index}>
              {problem.file ? <code>{problem.file}</code> : null} {problem.message}
            </li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <ul aria-label="Warnings">
          {result.warnings.map((problem, index) => (
            <li key={index}>
              {problem.file ? <code>{problem.file}</code> : null} {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
