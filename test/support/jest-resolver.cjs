/**
 * Jest on Node 20 cannot `require()` an ES module (Node itself can since 20.19; Jest only on 24.9+).
 * NestJS 12 ships ES modules, and two CommonJS packages we use (@nestjs/throttler, nestjs-pino)
 * require them. For those require() calls only, this resolver points at a tiny bridge that hands
 * back the very module namespace the ES imports got (preloaded by esm-bridge.setup.mjs), so the
 * tests run one copy of NestJS, exactly as production does with Node's native require(esm).
 */
const path = require('node:path');

const BRIDGED = new Set(['@nestjs/common', '@nestjs/core']);

module.exports = (request, options) => {
  if (BRIDGED.has(request) && (options.conditions ?? []).includes('require')) {
    return path.join(__dirname, 'esm-bridge', `${request.replace('/', '__')}.cjs`);
  }
  return options.defaultResolver(request, options);
};
