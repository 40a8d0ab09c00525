// The ordered, append-only list of schema migrations. Never edit a shipped one: add the next version.
import type { Database } from '../database';
import { up as initial } from './001-initial';
import { up as transfers } from './002-transfers';
import { up as importMappings } from './003-import-mappings';
import { up as catalogRole } from './004-catalog-role';
import { up as custodyEvents } from './005-custody-events';
import { up as transferFiles } from './006-transfer-files';
import { up as centerCommitments } from './007-center-commitments';
import { up as boxLabelOrder } from './008-box-label-order';
import { up as officialsAndRestrictions } from './009-officials-and-restrictions';
import { up as mixedBoxes } from './010-mixed-boxes';
import { up as centerHoldings } from './011-center-holdings';
import { up as acknowledgments } from './012-acknowledgments';
import { up as centerAmendments } from './013-center-amendments';
import { up as retrievals } from './014-retrievals';
import { up as disposition } from './015-disposition';
import { up as holdFiles } from './016-hold-files';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'transfers', up: transfers },
  { version: 3, name: 'import mappings', up: importMappings },
  { version: 4, name: 'catalog role', up: catalogRole },
  { version: 5, name: 'custody events and amendments', up: custodyEvents },
  { version: 6, name: 'electronic records on transfers', up: transferFiles },
  { version: 7, name: 'records center commitments', up: centerCommitments },
  { version: 8, name: 'box label order', up: boxLabelOrder },
  { version: 9, name: 'releasing official and access restrictions', up: officialsAndRestrictions },
  { version: 10, name: 'records centers that accept mixed boxes', up: mixedBoxes },
  { version: 11, name: 'records center holdings', up: centerHoldings },
  { version: 12, name: 'acknowledgments from the records center', up: acknowledgments },
  { version: 13, name: 'amendments received by a records center', up: centerAmendments },
  { version: 14, name: 'retrieval requests and updates', up: retrievals },
  { version: 15, name: 'disposition notices, answers, certificates and legal holds', up: disposition },
  { version: 16, name: 'legal hold files sent and acknowledged', up: holdFiles },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;

for (let index = 0; index < migrations.length; index += 1) {
  if (migrations[index].version !== index + 1) throw new Error('Migrations must be numbered 1, 2, 3… with no gaps');
}
