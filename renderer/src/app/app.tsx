// The window: navigation on the left, the current screen, the save/undo status bar, and the first-run welcome when
// no catalog is open. Also where Undo and Redo happen, so every screen refreshes the same way afterwards.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { DataVersionContext } from '../api/use-api';
import { CatalogArea } from '../catalog/catalog-area';
import { initialCatalogView, type CatalogView } from '../catalog/catalog-view';
import { RecordsCentersScreen } from '../centers/records-centers-screen';
import { ScheduleScreen } from '../schedule/schedule-screen';
import { SettingsScreen } from '../settings/settings-screen';
import { DialogsProvider } from '../ui/dialogs';
import { ErrorMessage, errorText } from '../ui/error-message';
import { ToastProvider, useToast } from '../ui/toasts';
import { SaveProblemBanner } from './save-problem-banner';
import { useDialogs } from '../ui/dialogs';
import { ApiCallError } from '../api/client';
import { SampleJobDialog, useDesktopMenu } from './desktop-menu';
import { HistoryContext, type HistoryActions } from './history-context';
import { Navigation } from './navigation';
import { useReadyMarker } from './ready-marker';
import { screensOf, screenTitles, type Route, type ScreenName } from './routes';
import type { Role } from '../../../shared/api/contract-kit';
import { PackagesScreen } from '../packages/packages-screen';
import { AccessionsScreen } from '../center/accessions-screen';
import { HoldingsScreen } from '../center/holdings-screen';
import { RequestsScreen } from '../center/requests-screen';
import { RetrievalsScreen } from '../retrievals/retrievals-screen';
import { DispositionScreen } from '../disposition/disposition-screen';
import { HoldsScreen } from '../disposition/holds-screen';
import { LocationsScreen } from '../center/locations-screen';
import { navigate, useRoute } from './use-route';
import { useShortcuts } from './shortcuts';
import { StatusBar } from './status-bar';
import { TransfersScreen } from '../transfers/transfers-screen';
import { useAppStatus } from './use-app-status';
import { WelcomeScreen } from './welcome-screen';
import { catalogStem } from '../../../shared/domain/words';

export function App() {
  return (
    <DialogsProvider>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </DialogsProvider>
  );
}

function Shell() {
  const { status, error, refresh } = useAppStatus();
  const route = useRoute();
  const toast = useToast();
  const dialogs = useDialogs();
  const [dataVersion, setDataVersion] = useState(0);
  const [catalogView, setCatalogView] = useState<CatalogView>(initialCatalogView);
  const [sampleJob, setSampleJob] = useState<string | null>(null);
  const catalogChanged = useCallback(() => setDataVersion((version) => version + 1), []);

  useReadyMarker(status !== null || error !== null);

  const history = useMemo<HistoryActions>(() => {
    const step = async (direction: 'undo' | 'redo') => {
      try {
        const result = direction === 'undo' ? await api['history.undo']({}) : await api['history.redo']({});
        catalogChanged();
        toast({ message: 'undone' in result ? `Undone: ${result.undone}` : `Redone: ${result.redone}` });
      } catch (failure) {
        toast({ message: errorText(failure) });
      }
    };
    return { undo: () => step('undo'), redo: () => step('redo') };
  }, [catalogChanged, toast]);

  const save = () => {
    if (status?.catalog) api['catalog.save']({}).catch((failure: unknown) => toast({ message: errorText(failure) }));
  };
  const opened = () => {
    navigate({ screen: 'catalog' });
    catalogChanged();
    void refresh();
  };
  const close = (after?: () => void) => {
    // Closing saves first; if it cannot, the catalog stays open and the person chooses: keep it open (to try again
    // or save as), or close and lose the changes that could not be saved.
    api['catalog.close']({}).then(after, async (failure: unknown) => {
      void refresh();
      if (!(failure instanceof ApiCallError) || failure.code !== 'unsaved-changes') {
        toast({ message: errorText(failure) });
        return;
      }
      const discard = await dialogs.confirm({
        title: 'Close without saving?',
        message: `${failure.message} Closing now loses those changes for good.`,
        confirmLabel: 'Close without saving',
        cancelLabel: 'Keep it open',
        danger: true,
      });
      if (discard) api['catalog.close']({ discard: true }).then(after, (again: unknown) => toast({ message: errorText(again) }));
    });
  };
  useShortcuts({ undo: () => void history.undo(), redo: () => void history.redo(), save });
  useDesktopMenu({
    'catalog.new': () => close(() => document.querySelector<HTMLInputElement>('main input')?.focus()),
    'catalog.openSample': () => {
      api['catalog.openSample']({}).then(({ jobId }) => setSampleJob(jobId), (failure: unknown) => toast({ message: errorText(failure) }));
    },
    'catalog.save': save,
    'catalog.saveAs': () => {
      if (!status?.catalog) return;
      void dialogs
        .prompt({
          title: 'Save as new catalog',
          message: 'Keep what is open here as a separate catalog. The file it came from is left as it is.',
          label: 'New catalog name',
          defaultValue: `${catalogStem(status.catalog.fileName)} (copy)`,
          confirmLabel: 'Save as new catalog',
        })
        .then((name) => (name ? api['catalog.saveAs']({ fileName: name }) : null))
        .then(() => void refresh(), (failure: unknown) => toast({ message: errorText(failure) }));
    },
    'catalog.close': () => close(),
    'catalog.opened': opened,
  });
  const sampleDialog = sampleJob && (
    <SampleJobDialog
      jobId={sampleJob}
      onDone={(job) => {
        setSampleJob(null);
        if (job.state === 'done') opened();
        else if (job.state === 'failed') toast({ message: job.error?.message ?? 'The sample catalog could not be opened.' });
      }}
    />
  );

  useFocusHeadingOnScreenChange(route);

  if (!status) {
    return (
      <main className="screen" id="main">
        <h1>Transmittal</h1>
        {error ? <ErrorMessage error={error} /> : <p className="muted">Opening…</p>}
      </main>
    );
  }

  if (!status.catalog) {
    return (
      <>
        <WelcomeScreen status={status} onOpened={opened} />
        {sampleDialog}
      </>
    );
  }

  const catalog = status.catalog;
  return (
    <DataVersionContext.Provider value={dataVersion}>
      <HistoryContext.Provider value={history}>
        <div className="app-shell">
          <Navigation current={shownScreen(route, catalog.role)} role={catalog.role} />
          <div className="app-body">
            {error ? (
              <div className="banner banner-danger">
                <ErrorMessage error={error} />
              </div>
            ) : null}
            <SaveProblemBanner
              status={status}
              onResolved={() => {
                catalogChanged();
                void refresh();
              }}
            />
            {catalog.notice && (
              <div className="banner banner-info" role="status">
                <p className="banner-title">{catalog.notice}</p>
              </div>
            )}
            <main className="app-main" id="main" key={catalog.path}>
              <CurrentScreen route={{ ...route, screen: shownScreen(route, catalog.role) }} role={catalog.role} catalogPath={catalog.path} dataVersion={dataVersion} view={catalogView} onViewChange={setCatalogView} />
            </main>
            <StatusBar
              status={status}
              onUndo={() => void history.undo()}
              onRedo={() => void history.redo()}
              onClose={() => close()}
            />
          </div>
        </div>
        {sampleDialog}
      </HistoryContext.Provider>
    </DataVersionContext.Provider>
  );
}

/** The screen to show: the one asked for when this catalog's role has it, else the role's first screen. */
function shownScreen(route: Route, role: Role): ScreenName {
  return screensOf[role].includes(route.screen) ? route.screen : screensOf[role][0];
}

interface CurrentScreenProps {
  route: Route;
  role: Role;
  catalogPath: string;
  dataVersion: number;
  view: CatalogView;
  onViewChange: (next: CatalogView) => void;
}

function CurrentScreen({ route, role, catalogPath, dataVersion, view, onViewChange }: CurrentScreenProps) {
  useEffect(() => {
    document.title = `${screenTitles[route.screen]} — Transmittal`;
  }, [route.screen]);
  // Screens written without the data-version hook are remounted after an undo, redo or reload so they show it.
  switch (route.screen) {
    case 'catalog':
      return <CatalogArea route={route} view={view} onViewChange={onViewChange} />;
    case 'transfers':
      return <TransfersScreen />;
    case 'schedule':
      return <ScheduleScreen key={dataVersion} />;
    case 'records-center':
      return <RecordsCentersScreen key={dataVersion} />;
    case 'packages':
      return <PackagesScreen />;
    case 'accessions':
      return <AccessionsScreen key={`${dataVersion}:${route.accessionId ?? ''}`} accessionId={route.accessionId} />;
    case 'requests':
      return <RequestsScreen key={`${dataVersion}:${route.requestId ?? ''}`} requestId={route.requestId} />;
    case 'retrievals':
      return <RetrievalsScreen key={`${dataVersion}:${route.requestId ?? ''}`} requestId={route.requestId} />;
    case 'disposition':
      return <DispositionScreen key={`${dataVersion}:${route.noticeId ?? ''}`} role={role} noticeId={route.noticeId} />;
    case 'holds':
      return <HoldsScreen key={`${dataVersion}:${route.holdId ?? ''}`} role={role} holdId={route.holdId} />;
    case 'holdings':
      return <HoldingsScreen key={dataVersion} />;
    case 'locations':
      return <LocationsScreen key={dataVersion} />;
    case 'settings':
      return <SettingsScreen key={dataVersion} catalogPath={catalogPath} role={role} />;
  }
}

/** After moving to another screen, start keyboard and screen-reader users at its heading, not at the old link. */
function useFocusHeadingOnScreenChange(route: Route): void {
  const previous = useRef<string | null>(null);
  const where = `${route.screen}:${route.boxId ?? ''}`;
  useEffect(() => {
    if (previous.current === null || previous.current === where) {
      previous.current = where;
      return;
    }
    previous.current = where;
    const timer = window.setTimeout(() => {
      if (document.activeElement && document.activeElement !== document.body && !document.activeElement.closest('nav')) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [where]);
}
