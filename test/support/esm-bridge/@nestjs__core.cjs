/** See test/support/jest-resolver.cjs: the ES module namespace of @nestjs/core, for CommonJS callers under Jest. */
const ns = globalThis.__ESM_BRIDGE__ && globalThis.__ESM_BRIDGE__['@nestjs/core'];
if (!ns) throw new Error('@nestjs/core was required before test/support/esm-bridge.setup.mjs preloaded it');
module.exports = ns;
