// The BagIt text formats on their own: percent-encoding of manifest paths, unsafe paths, the bag declaration and
// bag-info.txt folding, with the hostile inputs next to the code they attack.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeManifestPath, encodeManifestPath, unsafePathReason } from '../../../electron/exchange/bagit/bag-paths';
import { formatManifest, parseManifest } from '../../../electron/exchange/bagit/manifest-lines';
import { formatBagInfo, parseBagInfo, parseDeclaration } from '../../../electron/exchange/bagit/tag-text';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('manifest paths (RFC 8493 §2.1.3)', () => {
  it.each([
    ['data/100%.txt', 'data/100%25.txt'],
    ['data/a\rb', 'data/a%0Db'],
    ['data/a\nb', 'data/a%0Ab'],
    ['data/a\r\nb', 'data/a%0D%0Ab'],
    ['data/%0A', 'data/%250A'],
    ['data/space and ü', 'data/space and ü'],
  ])('encodes %j as %j', (path, encoded) => {
    expect(encodeManifestPath(path)).toBe(encoded);
    expect(decodeManifestPath(encoded)).toBe(path);
  });

  it.each([
    ['data/%7Etest1.txt', 'data/%7Etest1.txt'],
    ['data/%test2.txt', 'data/%test2.txt'],
    ['data/%0a%0d', 'data/\n\r'],
    ['data/%2525', 'data/%25'],
  ])('decodes %j as %j and nothing else', (encoded, path) => {
    expect(decodeManifestPath(encoded)).toBe(path);
  });

  it('round-trips any path through a manifest line', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((name) => !/^[\s*]|^\.\//.test(name) && !name.includes('/') && !name.includes('\0')), (name) => {
        const path = `data/${name}`;
        const parsed = parseManifest(formatManifest([{ path, checksum: 'ab'.repeat(32) }]), 'sha256', 'payload');
        if (unsafePathReason(name) || name === '.' || name === '..') return;
        expect(parsed.problems).toEqual([]);
        expect(parsed.entries.map((entry) => entry.path)).toEqual([path]);
      }),
    );
  });

  it.each([
    ['/etc/passwd', 'absolute'],
    ['../x', '".."'],
    ['data/../../x', '".."'],
    ['data\\..\\..\\x', '".."'],
    ['C:\\Windows\\x', 'drive letter'],
    ['c:x', 'drive letter'],
    ['\\\\?\\UNC\\server\\x', 'backslash'],
    ['~/x', '"~"'],
    ['~root/x', '"~"'],
    ['%HomeDrive%\\x', 'environment variable'],
    ['data/a\0b', 'NUL'],
  ])('refuses %j', (path, why) => {
    expect(unsafePathReason(path)).toContain(why);
  });

  it.each(['data/x', 'data/~x', 'data/..x', 'data/x..', 'data/%7E', 'bag-info.txt'])('accepts %j', (path) => {
    expect(unsafePathReason(path)).toBeNull();
  });
});

describe('bagit.txt', () => {
  it('reads a declaration with any line ending and no final line break', () => {
    expect(parseDeclaration(bytes('BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8')).declaration).toEqual({ version: '0.97', encoding: 'UTF-8' });
  });

  it.each([
    ['\ufeffBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'byte-order mark'],
    ['BagIt-Version: 1.0\n', 'exactly two lines'],
    ['BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: line\n', 'exactly two lines'],
    ['Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n', 'first line'],
    ['bagit-version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'first line'],
    ['BagIt-Version: 1.0\nTag-File-Character-Encoding:\n', 'second line'],
    ['BagIt-Version:  1.0\nTag-File-Character-Encoding: UTF-8\n', 'whitespace'],
    ['BagIt-Version: 1.0\nTag-File-Character-Encoding: KLINGON-8\n', 'not an encoding'],
  ])('refuses %j', (text, why) => {
    const result = parseDeclaration(bytes(text));
    expect(result.declaration).toBeNull();
    expect(result.problems.join(' ')).toContain(why);
  });
});

describe('bag-info.txt', () => {
  it('keeps order and repeats, joins continuation lines with the line break, and tolerates 0.97 spacing', () => {
    const text = 'Contact-Name: Ana\nExternal-Description: first\n\tsecond\nContact-Name: Luis\n';
    expect(parseBagInfo(text, '1.0')).toEqual({
      elements: [
        ['Contact-Name', 'Ana'],
        ['External-Description', 'first\nsecond'],
        ['Contact-Name', 'Luis'],
      ],
      problems: [],
    });
    expect(parseBagInfo('Test-Tag   :   5\n', '0.97').elements).toEqual([['Test-Tag', '5']]);
  });

  it('names the line that is not "Label: value"', () => {
    expect(parseBagInfo('Good: yes\nno colon here\n  continued\n', '1.0').problems).toEqual(['line 2 is not "Label: value"']);
    expect(parseBagInfo('  orphan\n', '1.0').problems).toEqual(['line 1 is indented but continues no element']);
  });

  it('folds and reads back any value to the same words', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9.,@-]{1,30}$/), { minLength: 1, maxLength: 40 }), (words) => {
        const value = words.join(' ');
        const text = formatBagInfo([['External-Description', value]]);
        // Words of at most 30 characters always fit: no line may pass 79.
        for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(79);
        const [[label, readBack]] = parseBagInfo(text, '1.0').elements;
        expect(label).toBe('External-Description');
        expect(readBack.replace(/\n/g, ' ')).toBe(value);
      }),
    );
  });
});
