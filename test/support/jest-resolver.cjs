/**
 * Jest's module registry cannot hand an ES module to `require()` when the require sits in an import
 * cycle (measured on Node 24.21 with Jest 30.5: "Cannot require() ES Module @nestjs/common in a
 * cycle"), although Node itself can. NestJS 12 ships ES modules, and two CommonJS packages we use
 * (@nestjs/throttler, nestjs-pino) require them. For those require() calls only, this resolver
 * points at a tiny bridge that hands back the very module namespace the ES imports got (preloaded
 * by esm-bridge.setup.mjs), so the tests run one copy of NestJS, exactly as production does with
 * Node's native require(esm).
 */
const path = require('node:path');

const BRIDGED = new Set(['@nestjs/common', '@nestjs/core']);

module.exports = (request, options) => {
  if (BRIDGED.has(request) && (options.conditions ?? []).includes('require')) {
    return path.join(__dirname, 'esm-bridge', `${request.replace('/', '__')}.cjs`);
  }
  return options.defaultResolver(request, options);
};
