// The Library of Congress BagIt conformance suite (../shared/bagit-conformance beside the repo): every bag, one
// test each, judged as the suite's README says. valid: accepted. invalid: refused. warning: accepted with at least
// one warning. <system>-only: invalid on that system. The suite's harness skips the other systems' "-only" bags;
// this verifier refuses them everywhere, because each one names a path outside the bag (RFC 8493 §2.1.3, §2.2.3)
// and a bag checked here may be unpacked on any system.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBag } from '../../../electron/exchange/bagit/verify-bag';

const SUITE = resolve(__dirname, '../../../../shared/bagit-conformance');
const VERSIONS = ['v0.97', 'v1.0'];
const THIS_SYSTEM = { linux: 'linux', win32: 'windows', darwin: 'darwin' }[process.platform as string] ?? process.platform;

interface Case {
  name: string;
  dir: string;
  category: string;
}

function suiteCases(): Case[] {
  const cases: Case[] = [];
  for (const version of VERSIONS) {
    const versionDir = join(SUITE, version);
    if (!existsSync(versionDir)) continue;
    for (const category of readdirSync(versionDir).sort()) {
      const categoryDir = join(versionDir, category);
      if (!statSync(categoryDir).isDirectory()) continue;
      for (const bag of readdirSync(categoryDir).sort()) {
        if (statSync(join(categoryDir, bag)).isDirectory()) cases.push({ name: `${version}/${category}/${bag}`, dir: join(categoryDir, bag), category });
      }
    }
  }
  return cases;
}

const cases = existsSync(SUITE) ? suiteCases() : [];

describe('BagIt conformance suite', () => {
  if (cases.length === 0) {
    // With CI=true a missing outside tool is a failure, never a skip.
    if (process.env.CI === 'true') {
      it(`finds the conformance bags at ${SUITE} (CI clones shared/ beside the repo)`, () => expect(cases.length).toBeGreaterThan(0));
    } else {
      it.skip(`skipped because the conformance bags are missing at ${SUITE} (CI clones shared/ beside the repo)`, () => {});
    }
    return;
  }

  it('holds bags of every kind for both versions', () => {
    const categories = new Set(cases.map((each) => `${each.name.split('/')[0]}/${each.category}`));
    for (const expected of ['v0.97/valid', 'v0.97/invalid', 'v0.97/warning', `v0.97/${THIS_SYSTEM}-only`, 'v1.0/valid', 'v1.0/invalid']) {
      expect(categories.has(expected), expected).toBe(true);
    }
  });

  const byCategory = (test: (category: string) => boolean) => cases.filter((each) => test(each.category));

  it.each(byCategory((category) => category === 'valid').map((each) => [each.name, each]))('accepts valid bag %s', async (_, bag) => {
    const report = await verifyBag(bag.dir);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it.each(byCategory((category) => category === 'warning').map((each) => [each.name, each]))('accepts warning bag %s, with a warning', async (_, bag) => {
    const report = await verifyBag(bag.dir);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.warnings.length).toBeGreaterThan(0);
  });

  it.each(byCategory((category) => category === 'invalid').map((each) => [each.name, each]))('refuses invalid bag %s', async (_, bag) => {
    const report = await verifyBag(bag.dir);
    expect(report.valid).toBe(false);
    expect(report.errors.length).toBeGreaterThan(0);
  });

  it.each(byCategory((category) => category === `${THIS_SYSTEM}-only`).map((each) => [each.name, each]))(
    `refuses ${THIS_SYSTEM}-only bag %s on this system`,
    async (_, bag) => {
      const report = await verifyBag(bag.dir);
      expect(report.valid).toBe(false);
      // Refused for the unsafe path itself, not by accident (a missing file, a checksum).
      expect(report.errors.map((error) => error.message).join('\n')).toMatch(/absolute path|"~"|drive letter|backslash|environment variable/);
    },
  );

  it.each(byCategory((category) => category.endsWith('-only') && category !== `${THIS_SYSTEM}-only`).map((each) => [each.name, each]))(
    'refuses other-system bag %s here too (its path leaves the bag somewhere)',
    async (_, bag) => {
      const report = await verifyBag(bag.dir);
      expect(report.valid).toBe(false);
      expect(report.errors.map((error) => error.message).join('\n')).toMatch(/absolute path|"~"|drive letter|backslash|environment variable/);
    },
  );
});
