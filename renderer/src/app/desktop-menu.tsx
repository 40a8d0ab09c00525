// The desktop app's menu (File → New, Open sample, Save, Close) sends commands to the window through the preload.
// In the browser there is no menu and none of this runs.
import { useEffect, useRef } from 'react';
import type { JobStatus } from '../../../shared/api/contract';
import { JobProgress } from '../jobs/job-progress';
import { Modal } from '../ui/modal';

/** The menu commands the preload forwards (electron/preload/menu-command.ts); unknown ones are ignored. */
export interface DesktopMenuHandlers {
  'catalog.new': () => void;
  'catalog.openSample': () => void;
  'catalog.save': () => void;
  'catalog.saveAs': () => void;
  'catalog.close': () => void;
  'catalog.opened': () => void;
}

type MenuBridge = { onMenuCommand?: (callback: (command: string) => void) => () => void };

export function useDesktopMenu(handlers: DesktopMenuHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const bridge = (window as unknown as { transmittal?: MenuBridge }).transmittal;
    if (typeof bridge?.onMenuCommand !== 'function') return;
    return bridge.onMenuCommand((command) => {
      if (Object.prototype.hasOwnProperty.call(latest.current, command)) latest.current[command as keyof DesktopMenuHandlers]();
    });
  }, []);
}

/** Building the sample catalog when asked from the menu, with a catalog already open behind it. */
export function SampleJobDialog({ jobId, onDone }: { jobId: string; onDone: (job: JobStatus) => void }) {
  return (
    <Modal title="Opening the sample catalog" onCancel={() => {}}>
      <JobProgress jobId={jobId} onDone={onDone} />
    </Modal>
  );
}
