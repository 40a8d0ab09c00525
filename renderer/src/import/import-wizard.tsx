// The import wizard: choose a file (read in the background, with progress and Cancel), say what its columns mean,
// check every row's fate, import as one undoable change. Opened from the Catalog screen (a box list) and the
// Schedule screen (a retention schedule).
import { useEffect, useRef, useState } from 'react';
import type { ApiInput, JobStatus } from '../../../shared/api/contract';
import type { ImportApplyResult, ImportedFile, ImportKind, ImportPreview } from '../../../shared/api/contract-import';
import { likelySheet } from '../../../shared/import/likely-sheet';
import { api, ApiCallError } from '../api/client';
import { navigate } from '../app/use-route';
import { JobProgress } from '../jobs/job-progress';
import { Modal } from '../ui/modal';
import { ChooseStep } from './choose-step';
import { DoneStep } from './done-step';
import { MappingStep } from './mapping-step';
import { ReviewStep, type ReviewChoices } from './review-step';
import type { AnyMapping } from './wizard-mapping';
import './import.css';

type Step =
  | { step: 'choose'; error?: unknown }
  | { step: 'reading'; jobId: string; fileName: string }
  | { step: 'map'; file: ImportedFile; mapping: AnyMapping }
  | { step: 'review'; file: ImportedFile; mapping: AnyMapping; preview: ImportPreview }
  | { step: 'importing'; file: ImportedFile; mapping: AnyMapping; preview: ImportPreview; jobId: string }
  | { step: 'done'; result: ImportApplyResult };

const TITLES: Record<ImportKind, string> = { inventory: 'Import a box list', schedule: 'Import a retention schedule' };

/** The sheet a person most likely means: visible, and with the most columns recognised. */
const firstMapping = (file: ImportedFile, kind: ImportKind): AnyMapping => likelySheet(file, kind).suggested[kind];

export function ImportWizard({ initialKind, onClose, onImported }: { initialKind: ImportKind; onClose: () => void; onImported: (kind: ImportKind) => void }) {
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [choices, setChoices] = useState<ReviewChoices>({ onDuplicate: 'skip', importGoodRowsOnly: false });
  const [applyError, setApplyError] = useState<unknown>(null);
  const importId = useRef<string | null>(null);
  const body = useRef<HTMLDivElement>(null);

  // Each step starts keyboard and screen-reader users at its heading.
  useEffect(() => {
    const heading = body.current?.querySelector<HTMLElement>('h3');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [state.step]);

  // The read file stays on the Node side until the wizard closes: let it go then.
  useEffect(
    () => () => {
      if (importId.current) void api['import.discard']({ importId: importId.current }).catch(() => {});
    },
    [],
  );

  const readingDone = async (job: JobStatus) => {
    if (job.state !== 'done') {
      setState({ step: 'choose', error: job.state === 'failed' && job.error ? new ApiCallError(job.error) : null });
      return;
    }
    try {
      const file = await api['import.result']({ jobId: job.id });
      // A file chosen before (the person went back and chose another) is let go now.
      if (importId.current) void api['import.discard']({ importId: importId.current }).catch(() => {});
      importId.current = file.importId;
      setState({ step: 'map', file, mapping: firstMapping(file, kind) });
    } catch (failure) {
      setState({ step: 'choose', error: failure });
    }
  };

  const startImport = async () => {
    if (state.step !== 'review') return;
    setApplyError(null);
    try {
      const input = { importId: state.file.importId, kind, mapping: state.mapping, ...choices } as ApiInput<'import.apply'>;
      const { jobId } = await api['import.apply'](input);
      setState({ ...state, step: 'importing', jobId });
    } catch (failure) {
      setApplyError(failure);
    }
  };

  const importingDone = async (job: JobStatus) => {
    if (state.step !== 'importing') return;
    const back: Step = { step: 'review', file: state.file, mapping: state.mapping, preview: state.preview };
    if (job.state !== 'done') {
      setApplyError(job.state === 'failed' && job.error ? new ApiCallError(job.error) : null);
      setState(back);
      return;
    }
    try {
      const result = await api['import.applied']({ jobId: job.id });
      setState({ step: 'done', result });
      onImported(kind);
    } catch (failure) {
      setApplyError(failure);
      setState(back);
    }
  };

  return (
    <Modal title={TITLES[kind]} onCancel={onClose}>
      <div className="import-wizard" ref={body}>
        <p className="import-steps" aria-label="Progress">
          Step {{ choose: 1, reading: 1, map: 2, review: 3, importing: 3, done: 4 }[state.step]} of 4
        </p>
        {state.step === 'choose' && (
          <ChooseStep kind={kind} onKindChange={setKind} onReading={(jobId, fileName) => setState({ step: 'reading', jobId, fileName })} onCancel={onClose} error={state.error} />
        )}
        {state.step === 'reading' && (
          <div className="stack">
            <h3>Reading {state.fileName}</h3>
            <JobProgress jobId={state.jobId} onDone={(job) => void readingDone(job)} />
          </div>
        )}
        {state.step === 'map' && (
          <MappingStep
            file={state.file}
            kind={kind}
            mapping={state.mapping}
            onMappingChange={(mapping) => setState({ ...state, mapping })}
            onBack={() => setState({ step: 'choose' })}
            onPreview={(preview) => {
              setApplyError(null);
              setChoices({ onDuplicate: 'skip', importGoodRowsOnly: false });
              setState({ step: 'review', file: state.file, mapping: state.mapping, preview });
            }}
          />
        )}
        {(state.step === 'review' || state.step === 'importing') && (
          <>
            <ReviewStep
              preview={state.preview}
              choices={choices}
              onChoicesChange={setChoices}
              onBack={() => setState({ step: 'map', file: state.file, mapping: state.mapping })}
              onImport={() => void startImport()}
              working={state.step === 'importing'}
            />
            {applyError ? (
              <p role="alert" className="error-message">
                {applyError instanceof ApiCallError ? applyError.message : 'The import did not finish. Your catalog is unchanged.'}
              </p>
            ) : null}
            {state.step === 'importing' && <JobProgress jobId={state.jobId} onDone={(job) => void importingDone(job)} />}
          </>
        )}
        {state.step === 'done' && (
          <DoneStep
            result={state.result}
            onClose={onClose}
            onOpenCatalog={() => {
              onClose();
              navigate({ screen: 'catalog' });
            }}
          />
        )}
      </div>
    </Modal>
  );
}
