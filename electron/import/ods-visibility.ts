// Hidden sheets and hidden columns of an OpenDocument spreadsheet, which SheetJS does not report: read from the
// start tags of content.xml (a sheet is hidden by its table style, a column by table:visibility="collapse").
import { unzipSync } from 'fflate';

export interface OdsVisibility {
  hiddenSheets: Set<string>;
  hiddenColumns: Map<string, number[]>;
}

const MAX_COLUMNS = 16_384;

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1]) : undefined;
};

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name[0] !== '#') return named[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Called only after the archive passed the zip checks, so content.xml's size is already known to be bounded. */
export function odsVisibility(bytes: Uint8Array): OdsVisibility {
  const result: OdsVisibility = { hiddenSheets: new Set(), hiddenColumns: new Map() };
  const content = unzipSync(bytes, { filter: (file) => file.name === 'content.xml' })['content.xml'];
  if (!content) return result;
  const xml = new TextDecoder().decode(content);
  const bodyStart = xml.indexOf('<office:body');
  const styles = bodyStart < 0 ? '' : xml.slice(0, bodyStart);

  const hiddenStyles = new Set<string>();
  // A self-closing <style:style .../> has no properties; it must not swallow the next style's.
  for (const match of styles.matchAll(/<style:style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/style:style>)/g)) {
    if (attribute(match[1], 'style:family') === 'table' && /table:display="false"/.test(match[2] ?? '')) {
      const name = attribute(match[1], 'style:name');
      if (name) hiddenStyles.add(name);
    }
  }

  const tables = /<table:table(?=[\s>])([^>]*)>/g;
  tables.lastIndex = Math.max(0, bodyStart);
  for (let table = tables.exec(xml); table; table = tables.exec(xml)) {
    const name = attribute(table[1], 'table:name');
    if (name === undefined) continue;
    const style = attribute(table[1], 'table:style-name');
    if (style && hiddenStyles.has(style)) result.hiddenSheets.add(name);
    // Column definitions come before the first row, so only that stretch is scanned.
    const ends = ['<table:table-row', '</table:table>'].map((tag) => xml.indexOf(tag, tables.lastIndex)).filter((at) => at >= 0);
    const stretch = xml.slice(tables.lastIndex, ends.length > 0 ? Math.min(...ends) : undefined);
    const hidden: number[] = [];
    let column = 0;
    for (const definition of stretch.matchAll(/<table:table-column\b([^>]*)>/g)) {
      const repeated = Math.max(1, Math.min(MAX_COLUMNS, Number(attribute(definition[1], 'table:number-columns-repeated') ?? 1) || 1));
      const visibility = attribute(definition[1], 'table:visibility');
      if (visibility === 'collapse' || visibility === 'filter') {
        for (let index = column; index < Math.min(MAX_COLUMNS, column + repeated); index += 1) hidden.push(index);
      }
      column += repeated;
      if (column >= MAX_COLUMNS) break;
    }
    if (hidden.length > 0) result.hiddenColumns.set(name, hidden);
  }
  return result;
}
