// The verifier on hand-made bags, for RFC 8493 rules the conformance suite does not exercise: line endings,
// percent-decoding, fetch.txt, Payload-Oxum, versions, tag manifests, links.
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBag } from '../../../electron/exchange/bagit/verify-bag';
import { handMadeBag, hex, tempFolder, writeFiles } from './fixtures/bag-fixtures';

const messages = (problems: { file?: string; message: string }[]) => problems.map((problem) => `${problem.file ?? ''}: ${problem.message}`).join('\n');

describe('verifyBag on hand-made bags', () => {
  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ])('accepts %s line endings in bagit.txt, manifests and bag-info.txt', async (_, eol) => {
    const root = await tempFolder();
    await handMadeBag(root, { eol, extra: { 'bag-info.txt': `Source-Organization: Public Works${eol}External-Description: two${eol}  lines${eol}Payload-Oxum: 6.1${eol}` } });
    const report = await verifyBag(root);
    expect(report.errors).toEqual([]);
    expect(report.info.bagInfo).toEqual([
      ['Source-Organization', 'Public Works'],
      ['External-Description', 'two\nlines'],
      ['Payload-Oxum', '6.1'],
    ]);
  });

  it('decodes only %25, %0D and %0A in manifest paths (bagit-python decodes every %XX)', async () => {
    const root = await tempFolder();
    const files = { 'data/%41.txt': 'percent', 'data/100%.txt': 'hundred', 'data/%7E.txt': 'tilde' };
    const manifest = `${hex('sha256', 'percent')}  data/%2541.txt\n${hex('sha256', 'hundred')}  data/100%25.txt\n${hex('sha256', 'tilde')}  data/%7E.txt\n`;
    await writeFiles(root, { 'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', ...files, 'manifest-sha256.txt': manifest });
    const report = await verifyBag(root);
    expect(report.errors).toEqual([]);
    expect(report.info.payloadFiles).toBe(3);
  });

  it('refuses a Payload-Oxum that does not describe the payload', async () => {
    const root = await tempFolder();
    await handMadeBag(root, { extra: { 'bag-info.txt': 'Payload-Oxum: 7.1\n' } });
    expect(messages((await verifyBag(root)).errors)).toMatch(/bag-info.txt: Payload-Oxum says 7 bytes in 1 file but data\/ holds 6 bytes in 1 file/);
  });

  it('reports a bag whose fetch.txt files are not here as incomplete, without fetching', async () => {
    const root = await tempFolder();
    const later = 'fetched later\n';
    await handMadeBag(root, {
      extra: {
        'manifest-sha256.txt': `${hex('sha256', 'hello\n')}  data/hello.txt\n${hex('sha256', later)}  data/later.txt\n`,
        'fetch.txt': 'https://records.example.org/later.txt 14 data/later.txt\n',
      },
    });
    const report = await verifyBag(root);
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'data/later.txt', message: expect.stringContaining('incomplete') })]);
  });

  it.each([
    ['not three fields', 'https://example.org/x data/hello.txt\n', 'not "url length path"'],
    ['a relative URL', 'later.txt 14 data/hello.txt\n', 'not an absolute URL'],
    ['a bad length', 'https://example.org/x ten data/hello.txt\n', 'not a number of octets'],
    ['a path outside data/', 'https://example.org/x - bagit.txt\n', 'outside the payload folder'],
    ['a file no manifest lists', 'https://example.org/x - data/unlisted.txt\n', 'does not list'],
  ])('refuses a fetch.txt line with %s', async (_, line, expected) => {
    const root = await tempFolder();
    await handMadeBag(root, { extra: { 'fetch.txt': line } });
    const report = await verifyBag(root);
    expect(report.valid).toBe(false);
    expect(messages(report.errors)).toContain(expected);
    expect(report.errors.every((error) => error.file === 'fetch.txt' || error.file === 'data/unlisted.txt')).toBe(true);
  });

  it.each([
    ['2.0', /not one Transmittal can check/],
    ['1', /not a version number/],
    ['1.0 ', /whitespace/],
  ])('refuses BagIt-Version %j', async (version, expected) => {
    const root = await tempFolder();
    await handMadeBag(root, { version });
    const report = await verifyBag(root);
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([{ file: 'bagit.txt', message: expect.stringMatching(expected) }]);
  });

  it('checks a 0.96 bag by the 0.97 rules, with a warning', async () => {
    const root = await tempFolder();
    await handMadeBag(root, { version: '0.96' });
    const report = await verifyBag(root);
    expect(report.valid).toBe(true);
    expect(report.warnings).toContainEqual({ file: 'bagit.txt', message: expect.stringContaining('0.96') });
  });

  it('allows whitespace around the bag-info colon before 1.0 only', async () => {
    const info = { 'bag-info.txt': 'Contact-Name : Ana\n' };
    const old = await tempFolder();
    await handMadeBag(old, { version: '0.97', extra: info });
    expect((await verifyBag(old)).info.bagInfo).toEqual([['Contact-Name', 'Ana']]);
    const current = await tempFolder();
    await handMadeBag(current, { extra: info });
    expect((await verifyBag(current)).errors).toEqual([{ file: 'bag-info.txt', message: expect.stringContaining('line 1 has whitespace') }]);
  });

  it('requires bagit.txt, the data folder and a payload manifest', async () => {
    const noPayloadFolder = await tempFolder();
    await writeFiles(noPayloadFolder, { 'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n' });
    const errors = messages((await verifyBag(noPayloadFolder)).errors);
    expect(errors).toContain('data: is missing');
    expect(errors).toContain('no payload manifest');
  });

  it('refuses a tag manifest that lists payload files, and checks the tag files it lists', async () => {
    const root = await tempFolder();
    await handMadeBag(root, { extra: { 'tagmanifest-sha256.txt': `${hex('sha256', 'hello\n')}  data/hello.txt\n${'a'.repeat(64)}  bagit.txt\n` } });
    const errors = messages((await verifyBag(root)).errors);
    expect(errors).toContain('tagmanifest-sha256.txt: line 1 names the payload file "data/hello.txt"');
    expect(errors).toContain('bagit.txt: does not match its sha256 checksum in tagmanifest-sha256.txt');
  });

  it('refuses a checksum of the wrong length and a line without a path', async () => {
    const root = await tempFolder();
    await handMadeBag(root, { extra: { 'manifest-sha256.txt': `abc123  data/hello.txt\n${hex('sha256', 'x')}\n` } });
    const errors = messages((await verifyBag(root)).errors);
    expect(errors).toContain('line 1: "abc123" is not a sha256 checksum');
    expect(errors).toContain('line 2 is not "checksum path"');
  });

  it('refuses a symbolic link in the payload instead of following it', async () => {
    const root = await tempFolder();
    await handMadeBag(root);
    await symlink('/etc/hostname', join(root, 'data/link.txt'));
    expect((await verifyBag(root)).errors).toContainEqual({ file: 'data/link.txt', message: expect.stringContaining('symbolic link') });
  });

  it('warns about MD5-only bags and checks every manifest it has', async () => {
    const root = await tempFolder();
    await handMadeBag(root, { algorithm: 'md5', extra: { 'manifest-sha1.txt': `${hex('sha1', 'other')}  data/hello.txt\n` } });
    const report = await verifyBag(root);
    expect(report.warnings).toContainEqual({ message: expect.stringContaining('SHA-256 or SHA-512') });
    expect(report.errors).toEqual([{ file: 'data/hello.txt', message: expect.stringContaining('sha1 checksum in manifest-sha1.txt') }]);
  });

  it('refuses a tag file that is not valid in the declared encoding', async () => {
    const root = await tempFolder();
    await handMadeBag(root, { extra: { 'bag-info.txt': new Uint8Array([0x41, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) } });
    expect((await verifyBag(root)).errors).toEqual([{ file: 'bag-info.txt', message: expect.stringContaining('not valid UTF-8') }]);
  });

  it('says a missing folder does not exist', async () => {
    await expect(verifyBag(join(await tempFolder(), 'nowhere'))).rejects.toMatchObject({ code: 'file-not-found' });
  });
});
