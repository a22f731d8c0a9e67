/** Public surface of the pure comparison module. */
export * from './comparison.types.js';
export { compareResults, trend, compareFootprints, compareAnswers, scoreDelta, statusOf, UNCHANGED_THRESHOLD } from './comparison.js';
export * from './footprint-attribution.js';
