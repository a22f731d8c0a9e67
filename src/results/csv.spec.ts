import { parseCsv } from '../../test/support/csv.js';
import { csvCell, csvConvention, plainNumber, toCsv } from './csv.js';

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

  it('writes numbers in the convention of the language: decimal comma with semicolons in French, never an exponent', () => {
    const fr = csvConvention('fr');
    expect(fr).toEqual({ delimiter: ';', decimal: ',' });
    expect(csvConvention('en')).toEqual({ delimiter: ',', decimal: '.' });
    expect(csvConvention('fr', 'comma')).toEqual({ delimiter: ',', decimal: '.' });
    expect(csvConvention('en', 'semicolon')).toEqual({ delimiter: ';', decimal: ',' });
    expect(csvCell(2400.5, fr)).toBe('2400,5');
    expect(csvCell(-0.0086, fr)).toBe('-0,0086');
    expect(plainNumber(1.2e-7)).toBe('0.00000012');
    expect(plainNumber(-3.4e-9)).toBe('-0.0000000034');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(2.5e21)).toBe('2500000000000000000000');
    const csv = toCsv(['a', 'b'], [['x; y', 1.5]], fr);
    expect(csv).toBe('\uFEFFa;b\r\n"x; y";1,5\r\n');
  });
});
