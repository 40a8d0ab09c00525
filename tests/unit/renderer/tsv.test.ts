import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../renderer/src/catalog/tsv';

describe('parseTsv: text copied from a spreadsheet', () => {
  const cases: [name: string, text: string, rows: string[][]][] = [
    ['nothing', '', []],
    ['one cell', 'Minutes', [['Minutes']]],
    ['one cell with the trailing line break Excel adds', 'Minutes\r\n', [['Minutes']]],
    ['Excel rows (CRLF)', '1\tMinutes\tA-1\r\n2\tAgendas\tA-2\r\n', [['1', 'Minutes', 'A-1'], ['2', 'Agendas', 'A-2']]],
    ['LF rows (LibreOffice, Google Sheets on Linux)', 'a\tb\nc\td\n', [['a', 'b'], ['c', 'd']]],
    ['lone CR rows (old Mac)', 'a\rb\r', [['a'], ['b']]],
    ['no trailing break', 'a\tb\nc\td', [['a', 'b'], ['c', 'd']]],
    ['empty cells kept in place', '\tTitle\t\r\n', [['', 'Title', '']]],
    ['a blank line in the middle is an empty row', 'a\r\n\r\nb\r\n', [['a'], [''], ['b']]],
    ['only the last line break is dropped', 'a\n\n', [['a'], ['']]],
    ['quoted cell with an embedded line break', '"Line one\nLine two"\tx\r\n', [['Line one\nLine two', 'x']]],
    ['quoted cell with an embedded CRLF', '"a\r\nb"\r\n', [['a\r\nb']]],
    ['quoted cell with an embedded tab', '"a\tb"\tc', [['a\tb', 'c']]],
    ['doubled quotes inside a quoted cell', '"He said ""hold"" it\nplease"\t2', [['He said "hold" it\nplease', '2']]],
    ['a quoted cell holding only a quote', '""""', [['"']]],
    ['an empty quoted cell', '""\tb', [['', 'b']]],
    ['a bare cell that starts with a quote is read literally', '"Smith" file\t3', [['"Smith" file', '3']]],
    ['an unclosed quote is read literally to the end of the cell', '"open\tb\nc', [['"open', 'b'], ['c']]],
    ['quotes in the middle of a bare cell stay', '5" floppy\tx', [['5" floppy', 'x']]],
    ['unicode and spaces survive', ' Ñandú  café \t😀', [[' Ñandú  café ', '😀']]],
    ['ragged rows stay ragged', 'a\tb\tc\nd\n', [['a', 'b', 'c'], ['d']]],
  ];
  it.each(cases)('%s', (_name, text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });

  it('reads a large paste without choking', () => {
    const line = '1\tMinutes of the board\tA-1\t2019-01-01\t2019-12-31\r\n';
    const rows = parseTsv(line.repeat(10_000));
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toEqual(['1', 'Minutes of the board', 'A-1', '2019-01-01', '2019-12-31']);
  });
});
