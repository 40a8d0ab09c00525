// Writes the published JSON Schemas in schemas/ from the zod schemas that the app itself validates with, so the
// two cannot drift (a unit test fails when the committed file differs). Run: npx tsx scripts/write-schemas.ts
// (--check only compares, for CI).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { acknowledgmentSchema } from '../shared/exchange/acknowledgment';
import { amendmentsFileSchema } from '../shared/exchange/amendments';
import { manifestSchema, manifestV1Schema } from '../shared/exchange/manifest';
import { retrievalRequestSchema, retrievalUpdateSchema } from '../shared/exchange/retrieval';
import { dispositionCertificateSchema, dispositionNoticeSchema, dispositionResponseSchema, legalHoldAcknowledgmentSchema, legalHoldFileSchema } from '../shared/exchange/disposition';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface SchemaFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
}

export function schemaFiles(): SchemaFile[] {
  const published = (name: string, schema: z.ZodType): SchemaFile => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12' });
    const withId = { $schema: json.$schema, $id: `urn:transmittal:schema:${name}`, ...json };
    return { path: `schemas/${name}.schema.json`, text: `${JSON.stringify(withId, null, 2)}\n` };
  };
  return [
    published('transmittal-manifest-1', manifestV1Schema),
    published('transmittal-manifest-2', manifestSchema),
    published('transmittal-amendments-1', amendmentsFileSchema),
    published('transmittal-acknowledgment-1', acknowledgmentSchema),
    published('transmittal-retrieval-request-1', retrievalRequestSchema),
    published('transmittal-retrieval-update-1', retrievalUpdateSchema),
    published('transmittal-disposition-notice-1', dispositionNoticeSchema),
    published('transmittal-disposition-response-1', dispositionResponseSchema),
    published('transmittal-disposition-certificate-1', dispositionCertificateSchema),
    published('transmittal-legal-hold-1', legalHoldFileSchema),
    published('transmittal-legal-hold-acknowledgment-1', legalHoldAcknowledgmentSchema),
  ];
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function main(check: boolean): void {
  let stale = 0;
  for (const file of schemaFiles()) {
    const target = join(root, file.path);
    if (readOrEmpty(target) === file.text) continue;
    stale += 1;
    if (check) {
      console.error(`${file.path} is out of date: run npx tsx scripts/write-schemas.ts`);
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
      console.log(`wrote ${file.path}`);
    }
  }
  if (check && stale > 0) process.exit(1);
  if (stale === 0) console.log('Schemas are up to date.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.includes('--check'));
