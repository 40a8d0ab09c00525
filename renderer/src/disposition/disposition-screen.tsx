// Disposition, on either side: a center's due list, notices and certificates; a department's notices to answer.
import { useState } from 'react';
import type { Role } from '../../../shared/api/contract-kit';
import { CenterDisposition } from './center-disposition';
import { DepartmentNoticePage } from './department-notice-page';
import { DepartmentNotices } from './department-notices';
import { PaperworkPanel } from './paperwork-panel';

export function DispositionScreen({ role, noticeId }: { role: Role; noticeId?: number }) {
  if (role === 'records-center') return <CenterDisposition noticeId={noticeId} />;
  if (noticeId !== undefined) return <DepartmentNoticePage key={noticeId} id={noticeId} />;
  return <DepartmentDisposition />;
}

function DepartmentDisposition() {
  // Bumped when a file is taken in, so the paperwork list shows it at once.
  const [version, setVersion] = useState(0);
  return (
    <>
      <DepartmentNotices onTakenIn={() => setVersion((value) => value + 1)} />
      <PaperworkPanel version={version} />
    </>
  );
}
