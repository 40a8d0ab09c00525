// What a file is, told by its first bytes rather than its name: a file called boxes.xlsx may be a PDF or a photo,
// and saying so ("it looks like a PDF") tells the person what went wrong better than "cannot read".

export type FileKind =
  | { kind: 'zip' }
  | { kind: 'ole' }
  | { kind: 'text' }
  | { kind: 'other'; looksLike: string };

const SIGNATURES: { at?: number; bytes: number[] | string; looksLike: string }[] = [
  { bytes: '%PDF', looksLike: 'a PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a picture (PNG)' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a picture (JPEG)' },
  { bytes: 'GIF8', looksLike: 'a picture (GIF)' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], looksLike: 'a scanned image (TIFF)' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], looksLike: 'a scanned image (TIFF)' },
  { bytes: 'RIFF', looksLike: 'a sound, video or picture file' },
  { at: 4, bytes: 'ftyp', looksLike: 'a video or picture file' },
  { bytes: 'ID3', looksLike: 'a sound file' },
  { bytes: 'Rar!', looksLike: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'a 7-Zip archive' },
  { bytes: [0x1f, 0x8b], looksLike: 'a compressed (gzip) file' },
  { bytes: '{\\rtf', looksLike: 'a Rich Text document' },
  { bytes: '%!PS', looksLike: 'a PostScript document' },
  { bytes: 'SQLite format 3', looksLike: 'a database (SQLite)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], looksLike: 'a program' },
  { bytes: 'ustar', at: 257, looksLike: 'a tar archive' },
];

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, expected: number[] | string, at = 0): boolean {
  const codes = typeof expected === 'string' ? [...expected].map((char) => char.charCodeAt(0)) : expected;
  if (bytes.length < at + codes.length) return false;
  return codes.every((code, index) => bytes[at + index] === code);
}

export function fileKind(bytes: Uint8Array): FileKind {
  // Local file header, or the end record of an empty archive.
  if (startsWith(bytes, ZIP) && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return { kind: 'zip' };
  if (startsWith(bytes, OLE)) return { kind: 'ole' };
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes, signature.at)) return { kind: 'other', looksLike: signature.looksLike };
  }
  return { kind: 'text' };
}

/** The compound-file sector size, or null when the header is not a compound file's (XLS, DOC and password-protected XLSX). */
export function oleSectorSize(bytes: Uint8Array): number | null {
  if (bytes.length < 512) return null;
  const shift = bytes[30] | (bytes[31] << 8);
  return shift === 9 || shift === 12 ? 1 << shift : null;
}
