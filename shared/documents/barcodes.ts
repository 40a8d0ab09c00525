// QR codes and Code 128 bar codes drawn as vector rectangles: bwip-js encodes (its platform-free "generic" build,
// no canvas or PNG), pdf-lib draws, so they stay sharp at any print resolution and shared/ stays pure.
import bwipjs from 'bwip-js/generic';
import { rgb, type PDFPage } from 'pdf-lib';

const BLACK = rgb(0, 0, 0);

interface Matrix {
  pixs: number[];
  pixx: number;
  pixy: number;
}

interface Bars {
  /** Alternating bar and space widths in modules, starting with a bar. */
  sbs: number[];
}

/** The QR text printed on every receipt: the transfer number and the manifest's fingerprint. */
export function receiptQrText(transferNumber: string, fingerprint: string): string {
  return `transmittal:transfer=${transferNumber};sha256=${fingerprint}`;
}

function qrMatrix(text: string): Matrix {
  const [symbol] = bwipjs.raw({ bcid: 'qrcode', text, eclevel: 'M' } as bwipjs.RawOptions) as Matrix[];
  if (!symbol?.pixs) throw new Error('The QR encoder returned no modules');
  return symbol;
}

/** Draws a QR code with its lower-left corner at (x, y), `size` points square, quiet zone included in `size`. */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { pixs, pixx, pixy } = qrMatrix(text);
  const quiet = 4;
  const module = size / (pixx + 2 * quiet);
  for (let row = 0; row < pixy; row += 1) {
    let column = 0;
    while (column < pixx) {
      if (!pixs[row * pixx + column]) {
        column += 1;
        continue;
      }
      // One rectangle per run of dark modules: fewer operators, and no hairline gaps between neighbours.
      const start = column;
      while (column < pixx && pixs[row * pixx + column]) column += 1;
      page.drawRectangle({
        x: x + (quiet + start) * module,
        y: y + size - (quiet + row + 1) * module,
        width: (column - start) * module,
        height: module,
        color: BLACK,
      });
    }
  }
}

// bwip-js runs Barcode Writer in Pure PostScript, a few milliseconds a symbol: labels measure, then draw, each id.
const barsCache = new Map<string, Bars>();

function code128Bars(text: string): Bars {
  const cached = barsCache.get(text);
  if (cached) return cached;
  const [symbol] = bwipjs.raw({ bcid: 'code128', text } as bwipjs.RawOptions) as Bars[];
  if (!symbol?.sbs) throw new Error('The Code 128 encoder returned no bars');
  if (barsCache.size >= 2_000) barsCache.clear();
  barsCache.set(text, symbol);
  return symbol;
}

/** Width of the symbol in modules, quiet zones (10 modules each side) included. */
export function code128Modules(text: string): number {
  return code128Bars(text).sbs.reduce((sum, width) => sum + width, 0) + 20;
}

/**
 * Draws a Code 128 symbol of `text` centred in a box `maxWidth` wide, with its bottom at y. The module (narrowest
 * bar) is as wide as fits, up to `maxModule` points; returns the width drawn.
 */
export function drawCode128(page: PDFPage, text: string, x: number, y: number, maxWidth: number, height: number, maxModule = 1.5): number {
  const { sbs } = code128Bars(text);
  const modules = sbs.reduce((sum, width) => sum + width, 0) + 20;
  const module = Math.min(maxModule, maxWidth / modules);
  let cursor = x + (maxWidth - modules * module) / 2 + 10 * module;
  sbs.forEach((width, index) => {
    if (index % 2 === 0) page.drawRectangle({ x: cursor, y, width: width * module, height, color: BLACK });
    cursor += width * module;
  });
  return modules * module;
}
