import { parseCsv } from '../../test/support/csv.js';
import { csvCell, toCsv } from './csv.js';

describe('CSV export cells', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(csvCell(evil).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a-b')).toBe('a-b');
  });

  it('quotes separators, quotes and line breaks, and round-trips', () => {
    const rows = [['une, deux', 'il a dit "oui"', 'ligne\nsuivante', 'œ « » é', 12.5, null]];
    const csv = toCsv(['a', 'b', 'c', 'd', 'e', 'f'], rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv.slice(1));
    expect(parsed).toEqual([
      ['a', 'b', 'c', 'd', 'e', 'f'],
      ['une, deux', 'il a dit "oui"', 'ligne\nsuivante', 'œ « » é', '12.5', ''],
    ]);
  });
});
