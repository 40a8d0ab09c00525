// The contract's records center calls (shared/api/contract-center.ts), mapped to the holdings operations.
import { recordFolderDiscrepancy } from './folder-discrepancy';
import { centerSettings, setAccessionPattern, setNoticeDays } from './center-settings';
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { centerContract } from '../../shared/api/contract-center';
import { parseSpreadsheet } from '../import/parse-off-thread';
import { readImportFile } from '../import/read-import-file';
import type { HandlerContext } from '../runtime/handler-context';
import { accessionBoxes } from './accession-boxes';
import { getAccessionDetail, listAccessions } from './accession-store';
import { writeAcknowledgment } from './acknowledgment';
import { readAmendmentsFile, takeInAmendments } from './amendments-intake';
import { checkIn } from './check-in';
import { listDepartments } from './department-store';
import { searchHoldings } from './holdings-search';
import { takeIn } from './intake';
import { importLocations } from './location-import';
import { addLocations, listLocations, suggestLocations } from './location-store';
import { readIntakeSource } from './read-intake-source';
import { intakeBoxList } from './box-list-intake';

/** Where the app writes acknowledgments unless told otherwise. */
export const ACKNOWLEDGMENTS_FOLDER = 'Acknowledgments';

export function centerHandlers(context: HandlerContext): Pick<ApiHandlers, keyof typeof centerContract> {
  return {
    'center.recordFolderDiscrepancy': (input) => recordFolderDiscrepancy(context.current(), input),
    'center.settings': () => centerSettings(context.current()),
    'center.setAccessionPattern': ({ pattern }) => setAccessionPattern(context.current(), pattern),
    'center.setNoticeDays': ({ days }) => setNoticeDays(context.current(), days),
    'center.intake': async ({ file }) => {
      const catalog = context.current();
      const found = context.files.resolve(file);
      try {
        const source = await readIntakeSource(found.uploaded ? found.path : resolve(found.path), found.fileName);
        return takeIn(catalog, source, found.fileName);
      } finally {
        await context.files.release(file);
      }
    },
    'center.intakeBoxList': async ({ file, ...wanted }) => {
      const catalog = context.current();
      const { fileName, bytes } = await readImportFile(context.files, file);
      return intakeBoxList(catalog, { fileName, sheets: await parseSpreadsheet(bytes, fileName, { cancelled: false }) }, wanted);
    },
    'center.departments': () => listDepartments(context.current()),
    'center.accessions': (input) => listAccessions(context.current(), input),
    'center.accession.get': ({ id }) => getAccessionDetail(context.current(), id),
    'center.checkIn': (input) => checkIn(context.current(), input),
    'center.addLocations': (input) => addLocations(context.current(), input),
    'center.importLocations': async ({ file }) => {
      const catalog = context.current();
      const { fileName, bytes } = await readImportFile(context.files, file);
      return importLocations(catalog, await parseSpreadsheet(bytes, fileName, { cancelled: false }), fileName);
    },
    'center.locations': (input) => listLocations(context.current(), input),
    'center.suggestLocations': ({ accessionId }) => suggestLocations(context.current(), accessionId),
    'center.accession': ({ accessionId, locations }) => accessionBoxes(context.current(), accessionId, locations),
    'center.acknowledge': async ({ accessionId, outDir }) => {
      const written = await writeAcknowledgment(context.current(), accessionId, resolve(context.workspaceDir, outDir ?? ACKNOWLEDGMENTS_FOLDER));
      return { ...written, download: await context.files.offer(written.path), pdfDownload: await context.files.offer(written.pdfPath) };
    },
    'center.search': (input) => searchHoldings(context.current(), input),
    'center.intakeAmendments': async ({ file }) => {
      const catalog = context.current();
      const found = context.files.resolve(file);
      try {
        const amendments = await readAmendmentsFile(found.uploaded ? found.path : resolve(found.path), found.fileName);
        return takeInAmendments(catalog, amendments, found.fileName);
      } finally {
        await context.files.release(file);
      }
    },
  };
}
