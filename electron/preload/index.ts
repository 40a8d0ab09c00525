// The preload: the only bridge between the sandboxed page and the Node side. It exposes one named function per
// API call, written out so nothing else can be reached (no generic invoke, no raw ipcRenderer); `satisfies
// ApiBridge` makes a call missing from or added to the contract a compile error. Sandboxed preloads cannot load
// files, so everything imported here besides 'electron' is either type-only or bundled in.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiBridge, BRIDGE_GLOBAL, FileBridge, FILE_BRIDGE_GLOBAL } from '../../shared/api/bridge';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type DesktopEvents, type MenuCommand } from './menu-command';

/** The same name the renderer reads; a typo fails to compile against shared/api/bridge.ts. */
const bridgeGlobal: typeof BRIDGE_GLOBAL = 'transmittal';
const fileBridgeGlobal: typeof FILE_BRIDGE_GLOBAL = 'transmittalFiles';

const api = {
  'app.status': (input) => ipcRenderer.invoke('app.status', input),
  'catalog.create': (input) => ipcRenderer.invoke('catalog.create', input),
  'catalog.open': (input) => ipcRenderer.invoke('catalog.open', input),
  'catalog.openBackup': (input) => ipcRenderer.invoke('catalog.openBackup', input),
  'catalog.openSample': (input) => ipcRenderer.invoke('catalog.openSample', input),
  'catalog.close': (input) => ipcRenderer.invoke('catalog.close', input),
  'catalog.save': (input) => ipcRenderer.invoke('catalog.save', input),
  'catalog.reload': (input) => ipcRenderer.invoke('catalog.reload', input),
  'catalog.saveAs': (input) => ipcRenderer.invoke('catalog.saveAs', input),
  'catalog.summary': (input) => ipcRenderer.invoke('catalog.summary', input),
  'department.get': (input) => ipcRenderer.invoke('department.get', input),
  'department.update': (input) => ipcRenderer.invoke('department.update', input),
  'centers.list': (input) => ipcRenderer.invoke('centers.list', input),
  'centers.create': (input) => ipcRenderer.invoke('centers.create', input),
  'centers.update': (input) => ipcRenderer.invoke('centers.update', input),
  'centers.delete': (input) => ipcRenderer.invoke('centers.delete', input),
  'schedule.list': (input) => ipcRenderer.invoke('schedule.list', input),
  'schedule.create': (input) => ipcRenderer.invoke('schedule.create', input),
  'schedule.update': (input) => ipcRenderer.invoke('schedule.update', input),
  'schedule.delete': (input) => ipcRenderer.invoke('schedule.delete', input),
  'boxes.list': (input) => ipcRenderer.invoke('boxes.list', input),
  'boxes.get': (input) => ipcRenderer.invoke('boxes.get', input),
  'boxes.create': (input) => ipcRenderer.invoke('boxes.create', input),
  'boxes.update': (input) => ipcRenderer.invoke('boxes.update', input),
  'boxes.delete': (input) => ipcRenderer.invoke('boxes.delete', input),
  'boxes.planRebox': (input) => ipcRenderer.invoke('boxes.planRebox', input),
  'boxes.timeline': (input) => ipcRenderer.invoke('boxes.timeline', input),
  'center.settings': (input) => ipcRenderer.invoke('center.settings', input),
  'center.recordFolderDiscrepancy': (input) => ipcRenderer.invoke('center.recordFolderDiscrepancy', input),
  'center.setAccessionPattern': (input) => ipcRenderer.invoke('center.setAccessionPattern', input),
  'center.setNoticeDays': (input) => ipcRenderer.invoke('center.setNoticeDays', input),
  'custody.verify': (input) => ipcRenderer.invoke('custody.verify', input),
  'boxes.rebox': (input) => ipcRenderer.invoke('boxes.rebox', input),
  'folders.move': (input) => ipcRenderer.invoke('folders.move', input),
  'folders.list': (input) => ipcRenderer.invoke('folders.list', input),
  'folders.create': (input) => ipcRenderer.invoke('folders.create', input),
  'folders.update': (input) => ipcRenderer.invoke('folders.update', input),
  'folders.setEventDates': (input) => ipcRenderer.invoke('folders.setEventDates', input),
  'folders.delete': (input) => ipcRenderer.invoke('folders.delete', input),
  'folders.paste': (input) => ipcRenderer.invoke('folders.paste', input),
  'history.undo': (input) => ipcRenderer.invoke('history.undo', input),
  'history.redo': (input) => ipcRenderer.invoke('history.redo', input),
  'history.list': (input) => ipcRenderer.invoke('history.list', input),
  'jobs.get': (input) => ipcRenderer.invoke('jobs.get', input),
  'jobs.cancel': (input) => ipcRenderer.invoke('jobs.cancel', input),
  'transfers.list': (input) => ipcRenderer.invoke('transfers.list', input),
  'transfers.get': (input) => ipcRenderer.invoke('transfers.get', input),
  'transfers.create': (input) => ipcRenderer.invoke('transfers.create', input),
  'transfers.addBoxes': (input) => ipcRenderer.invoke('transfers.addBoxes', input),
  'transfers.removeBoxes': (input) => ipcRenderer.invoke('transfers.removeBoxes', input),
  'transfers.validate': (input) => ipcRenderer.invoke('transfers.validate', input),
  'transfers.send': (input) => ipcRenderer.invoke('transfers.send', input),
  'transfers.package': (input) => ipcRenderer.invoke('transfers.package', input),
  'transfers.addFiles': (input) => ipcRenderer.invoke('transfers.addFiles', input),
  'transfers.removeFiles': (input) => ipcRenderer.invoke('transfers.removeFiles', input),
  'transfers.amend': (input) => ipcRenderer.invoke('transfers.amend', input),
  'transfers.writeAmendments': (input) => ipcRenderer.invoke('transfers.writeAmendments', input),
  'transfers.packageFile': (input) => ipcRenderer.invoke('transfers.packageFile', input),
  'transfers.update': (input) => ipcRenderer.invoke('transfers.update', input),
  'transfers.printLabels': (input) => ipcRenderer.invoke('transfers.printLabels', input),
  'acknowledgments.import': (input) => ipcRenderer.invoke('acknowledgments.import', input),
  'import.open': (input) => ipcRenderer.invoke('import.open', input),
  'import.result': (input) => ipcRenderer.invoke('import.result', input),
  'import.preview': (input) => ipcRenderer.invoke('import.preview', input),
  'import.apply': (input) => ipcRenderer.invoke('import.apply', input),
  'import.applied': (input) => ipcRenderer.invoke('import.applied', input),
  'import.saveMapping': (input) => ipcRenderer.invoke('import.saveMapping', input),
  'import.listMappings': (input) => ipcRenderer.invoke('import.listMappings', input),
  'import.discard': (input) => ipcRenderer.invoke('import.discard', input),
  'import.fitMapping': (input) => ipcRenderer.invoke('import.fitMapping', input),
  'packages.verify': (input) => ipcRenderer.invoke('packages.verify', input),
  'center.intake': (input) => ipcRenderer.invoke('center.intake', input),
  'center.disposition.due': (input) => ipcRenderer.invoke('center.disposition.due', input),
  'center.disposition.notice': (input) => ipcRenderer.invoke('center.disposition.notice', input),
  'center.disposition.execute': (input) => ipcRenderer.invoke('center.disposition.execute', input),
  'disposition.respond': (input) => ipcRenderer.invoke('disposition.respond', input),
  'disposition.import': (input) => ipcRenderer.invoke('disposition.import', input),
  'disposition.notices': (input) => ipcRenderer.invoke('disposition.notices', input),
  'disposition.get': (input) => ipcRenderer.invoke('disposition.get', input),
  'holds.list': (input) => ipcRenderer.invoke('holds.list', input),
  'holds.get': (input) => ipcRenderer.invoke('holds.get', input),
  'holds.preview': (input) => ipcRenderer.invoke('holds.preview', input),
  'holds.create': (input) => ipcRenderer.invoke('holds.create', input),
  'holds.lift': (input) => ipcRenderer.invoke('holds.lift', input),
  'holds.write': (input) => ipcRenderer.invoke('holds.write', input),
  'holds.acknowledge': (input) => ipcRenderer.invoke('holds.acknowledge', input),
  'paperwork.list': (input) => ipcRenderer.invoke('paperwork.list', input),
  'paperwork.setYears': (input) => ipcRenderer.invoke('paperwork.setYears', input),
  'retrievals.options': (input) => ipcRenderer.invoke('retrievals.options', input),
  'retrievals.request': (input) => ipcRenderer.invoke('retrievals.request', input),
  'retrievals.list': (input) => ipcRenderer.invoke('retrievals.list', input),
  'retrievals.get': (input) => ipcRenderer.invoke('retrievals.get', input),
  'retrievals.importUpdate': (input) => ipcRenderer.invoke('retrievals.importUpdate', input),
  'catalog.where': (input) => ipcRenderer.invoke('catalog.where', input),
  'center.requests.import': (input) => ipcRenderer.invoke('center.requests.import', input),
  'center.requests': (input) => ipcRenderer.invoke('center.requests', input),
  'center.request.get': (input) => ipcRenderer.invoke('center.request.get', input),
  'center.request.record': (input) => ipcRenderer.invoke('center.request.record', input),
  'center.request.writeUpdate': (input) => ipcRenderer.invoke('center.request.writeUpdate', input),
  'center.intakeBoxList': (input) => ipcRenderer.invoke('center.intakeBoxList', input),
  'center.departments': (input) => ipcRenderer.invoke('center.departments', input),
  'center.accessions': (input) => ipcRenderer.invoke('center.accessions', input),
  'center.accession.get': (input) => ipcRenderer.invoke('center.accession.get', input),
  'center.checkIn': (input) => ipcRenderer.invoke('center.checkIn', input),
  'center.addLocations': (input) => ipcRenderer.invoke('center.addLocations', input),
  'center.importLocations': (input) => ipcRenderer.invoke('center.importLocations', input),
  'center.locations': (input) => ipcRenderer.invoke('center.locations', input),
  'center.suggestLocations': (input) => ipcRenderer.invoke('center.suggestLocations', input),
  'center.accession': (input) => ipcRenderer.invoke('center.accession', input),
  'center.acknowledge': (input) => ipcRenderer.invoke('center.acknowledge', input),
  'center.search': (input) => ipcRenderer.invoke('center.search', input),
  'center.intakeAmendments': (input) => ipcRenderer.invoke('center.intakeAmendments', input),
} satisfies ApiBridge;

const desktopEvents = {
  onMenuCommand(callback: (command: MenuCommand) => void) {
    // The IPC event carries `sender`, a handle to ipcRenderer itself: it never crosses into the page.
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
    };
  },
} satisfies DesktopEvents;

/** Files by reference: the path of a file the person chose or dropped, which the import calls then name. */
const fileBridge = {
  pathForFile: (file) => webUtils.getPathForFile(file as File),
} satisfies FileBridge;

contextBridge.exposeInMainWorld(bridgeGlobal, { ...api, ...desktopEvents });
contextBridge.exposeInMainWorld(fileBridgeGlobal, fileBridge);
