// The records center's Disposition screen: what is due in a period and the notice for each department, the signed
// responses and legal holds taken in, and the notices with their answers; or one notice's page.
import { useState } from 'react';
import { CenterDue } from './center-due';
import { CenterNoticePage } from './center-notice-page';
import { CenterNotices, CenterTakeIn } from './center-notices';
import { PaperworkPanel } from './paperwork-panel';
import './center-disposition.css';
import '../center/requests.css';

export function CenterDisposition({ noticeId }: { noticeId?: number }) {
  // Bumped when a notice is written or a file taken in, so the due list and the notices list show it.
  const [version, setVersion] = useState(0);
  if (noticeId !== undefined) return <CenterNoticePage key={noticeId} id={noticeId} />;
  const changed = () => setVersion((count) => count + 1);
  return (
    <section className="screen stack" aria-labelledby="disposition-heading">
      <h1 id="disposition-heading" tabIndex={-1}>
        Disposition
      </h1>
      <p className="hint">
        Nothing is destroyed or sent to the archives without the department’s written approval. A box with no answer is never approved, and a box under a
        legal hold is never put on a notice nor carried out.
      </p>
      <CenterDue version={version} onWritten={changed} />
      <CenterTakeIn onTakenIn={changed} />
      <CenterNotices version={version} />
      <PaperworkPanel version={version} />
    </section>
  );
}
