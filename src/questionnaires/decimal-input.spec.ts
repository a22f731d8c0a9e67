import fc from 'fast-check';
import { parseDecimal as pageRule } from '../web/assets/decimal.js';
import { parseDecimal } from './decimal-input.js';

describe('a number typed by a person', () => {
  it.each([
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['4,5', 4.5],
    [' 12 ', 12],
    ['0,125', 0.125],
    [',5', 0.5],
    ['-2,25', -2.25],
    ['1 234', 1234],
    ['1\u00a0234,5', 1234.5],
    ['12\u202f345', 12345],
    ['1 234 567', 1234567],
    ['1 234,567', 1234.567],
    ['1234', 1234],
    ['1,2345', 1.2345],
  ])('reads %j as %d', (raw, value) => {
    expect(parseDecimal(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['1,234', 'ambiguous'],
    ['1.234', 'ambiguous'],
    ['12,500', 'ambiguous'],
    ['1.234,5', 'ambiguous'],
    ['1,234.5', 'ambiguous'],
    ['1,234,567', 'ambiguous'],
    ['1 23', 'grouping'],
    ['12 3456', 'grouping'],
    ['1,', 'format'],
    ['abc', 'format'],
    ['1e3', 'format'],
    ['', 'format'],
    ['--1', 'format'],
  ])('refuses %j (%s)', (raw, problem) => {
    expect(parseDecimal(raw)).toEqual({ ok: false, problem });
  });

  it('the page reads every text exactly as the API does', () => {
    const chars = fc.constantFrom('0', '1', '2', '5', '9', ',', '.', ' ', '\u00a0', '-', 'e');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 10 }).map((xs) => xs.join('')),
        (raw) => {
          expect(pageRule(raw)).toEqual(parseDecimal(raw));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
