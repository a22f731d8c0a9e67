/** Public API of the footprint module (pure, except the loader). */
export * from './footprint.types.js';
export { computeFootprint, inventoryFromAnswers, resolveElectricity, figureRange, INVENTORY_ANSWER_IDS } from './footprint.js';
export {
  computeSavings,
  targetLifespan,
  targetRefurbishedShare,
  lifespanMethod,
  refurbishedMethod,
  fewerScreensMethod,
  switchOffMethod,
} from './footprint.savings.js';
export {
  roundForDisplay,
  formatForDisplay,
  formatFigure,
  formatSignificant,
  formatRange,
  formatNumber,
  formatPercent,
  DISPLAY_SIGNIFICANT_DIGITS,
} from './footprint.display.js';
export { validateFootprintFactors, FootprintFactorsError } from './footprint-factors.validate.js';
export { loadFootprintFactors, DEFAULT_FOOTPRINT_FACTORS_PATH } from './footprint-factors.loader.js';
