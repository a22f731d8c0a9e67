/** See test/support/jest-resolver.cjs: the ES module namespace of @nestjs/common, for CommonJS callers under Jest. */
const ns = globalThis.__ESM_BRIDGE__ && globalThis.__ESM_BRIDGE__['@nestjs/common'];
if (!ns) throw new Error('@nestjs/common was required before test/support/esm-bridge.setup.mjs preloaded it');
module.exports = ns;
