// The catalog: every box, or every folder, searchable and filterable, opening into a box's folder grid.
import { useCallback, useState } from 'react';
import type { Box, Folder } from '../../../shared/domain/types';
import { api } from '../api/client';
import { useDataVersion, useDebounced, useQuery } from '../api/use-api';
import { navigate } from '../app/use-route';
import { ImportWizard } from '../import/import-wizard';
import { AddBoxDialog } from './add-box-dialog';
import { boxColumns, folderColumnsFor } from './catalog-columns';
import { RequestBackDialog } from '../retrievals/request-back-dialog';
import { CatalogFilters } from './catalog-filters';
import { boxFilterOf, folderFilterOf, hasFilters, listScroll, type CatalogView } from './catalog-view';
import { PagedList } from './paged-list';
import { NoticeBanner } from '../disposition/notice-banner';

const SEARCH_DEBOUNCE_MS = 150;

export function CatalogScreen({ state, onStateChange }: { state: CatalogView; onStateChange: (next: CatalogView) => void }) {
  const dataVersion = useDataVersion();
  const schedule = useQuery(() => api['schedule.list']({}), []);
  const query = useDebounced(state.query, SEARCH_DEBOUNCE_MS);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  // Bumped after an import so the lists below the wizard show what it added.
  const [imports, setImports] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  // The folder selected in the list (arrows move it; Enter or a click opens its box), for Request back.
  const [activeFolder, setActiveFolder] = useState<Folder | undefined>(undefined);
  const [requesting, setRequesting] = useState<Folder | null>(null);
  const filtered = hasFilters(state);

  const boxFilter = boxFilterOf(state, query);
  const folderFilter = folderFilterOf(state, query);
  const queryKey = `${state.view}:${JSON.stringify(state.view === 'boxes' ? boxFilter : folderFilter)}:${dataVersion}:${imports}`;

  const setView = (view: CatalogView['view']) => {
    listScroll.top = 0;
    onStateChange({ ...state, view });
  };
  const rememberScroll = useCallback((scrollTop: number) => {
    listScroll.top = scrollTop;
  }, []);
  const onTotal = useCallback((next: number | null) => setTotal(next), []);

  const noBoxesYet = state.view === 'boxes' && !filtered && total === 0;
  const addBoxButton = (
    <button type="button" className="button-primary" onClick={() => setAdding(true)}>
      Add box
    </button>
  );

  const importButton = (
    <button type="button" onClick={() => setImporting(true)}>
      Import a box list…
    </button>
  );

  const viewToggle = (
    <div className="segmented" role="group" aria-label="Show">
      <button type="button" aria-pressed={state.view === 'boxes'} onClick={() => setView('boxes')}>
        Boxes
      </button>
      <button type="button" aria-pressed={state.view === 'folders'} onClick={() => setView('folders')}>
        Folders
      </button>
    </div>
  );

  const folderToolbar = (
    <div className="list-actions">
      <button
        type="button"
        onClick={() => activeFolder && setRequesting(activeFolder)}
        disabled={!activeFolder}
        aria-label={activeFolder ? `Request back folder “${activeFolder.title}”` : 'Request back (select a folder first)'}
      >
        Request back…
      </button>
      {viewToggle}
    </div>
  );
  const filteredEmpty = <p>Nothing matches. Check the spelling, try fewer words, or clear the filters.</p>;

  return (
    <div className="screen screen-fill">
      <NoticeBanner />
      <div className="screen-head">
        <h1>Catalog</h1>
        {!noBoxesYet && (
          <div className="screen-actions">
            {importButton}
            {addBoxButton}
          </div>
        )}
      </div>
      <CatalogFilters state={state} onChange={onStateChange} scheduleItems={schedule.value ?? []} />
      {state.view === 'boxes' ? (
        <PagedList<Box>
          key="boxes"
          label="Boxes"
          noun={['box', 'boxes']}
          columns={boxColumns}
          fetchPage={(offset, limit) => api['boxes.list']({ offset, limit, filter: boxFilter })}
          queryKey={queryKey}
          filtered={filtered}
          onOpen={(box) => navigate({ screen: 'catalog', boxId: box.id })}
          onTotal={onTotal}
          scrollTop={listScroll.top}
          onScrollTopChange={rememberScroll}
          toolbar={viewToggle}
          empty={
            filtered ? (
              filteredEmpty
            ) : (
              <>
                <p>No boxes yet. Add your first box — use the label your office writes on it — or import the box list you already keep in a spreadsheet.</p>
                {addBoxButton} {importButton}
              </>
            )
          }
        />
      ) : (
        <PagedList<Folder>
          key="folders"
          label="Folders"
          noun={['folder', 'folders']}
          columns={folderColumnsFor(query)}
          fetchPage={(offset, limit) => api['folders.list']({ offset, limit, filter: folderFilter })}
          queryKey={queryKey}
          filtered={filtered}
          onOpen={(folder) => navigate({ screen: 'catalog', boxId: folder.boxId, folderId: folder.id })}
          onTotal={onTotal}
          scrollTop={listScroll.top}
          onScrollTopChange={rememberScroll}
          toolbar={folderToolbar}
          onActiveChange={setActiveFolder}
          empty={
            filtered ? (
              filteredEmpty
            ) : (
              <p>No folders yet. Open a box to list its folders — type them in, or paste rows copied from a spreadsheet.</p>
            )
          }
        />
      )}
      {requesting && <RequestBackDialog targets={{ boxIds: [], folderIds: [requesting.id] }} onClose={() => setRequesting(null)} onRequested={() => setImports((count) => count + 1)} />}
      {importing && <ImportWizard initialKind="inventory" onClose={() => setImporting(false)} onImported={() => setImports((count) => count + 1)} />}
      {adding && (
        <AddBoxDialog
          onCancel={() => setAdding(false)}
          onCreated={(box) => {
            setAdding(false);
            navigate({ screen: 'catalog', boxId: box.id });
          }}
        />
      )}
    </div>
  );
}
