// Two significant digits, the rounding the footprint summaries use: the same rule as
// formatSignificant in src/footprint/footprint.display.ts (a test checks they agree). Pure: no DOM.

/** `value` rounded to two significant digits and formatted for `locale` ("fr-FR" or "en-GB"). */
export function significant(value, locale) {
  if (value === 0) return new Intl.NumberFormat(locale).format(0);
  let rounded = Number(value.toPrecision(2));
  if (Object.is(rounded, -0)) rounded = 0;
  const options =
    rounded !== 0 && Math.abs(rounded) < 10
      ? { minimumSignificantDigits: 2, maximumSignificantDigits: 2 }
      : { maximumFractionDigits: 20, useGrouping: true };
  return new Intl.NumberFormat(locale, options).format(rounded).replace(/\u202f/g, '\u00a0');
}

/** "12 000–17 000", or '' when both ends round to the same number. */
export function significantRange(low, high, locale) {
  const a = significant(low, locale);
  const b = significant(high, locale);
  return a === b ? '' : `${a}\u2013${b}`;
}
