// Preloads the ES modules that CommonJS packages require under Jest (see jest-resolver.cjs).
globalThis.__ESM_BRIDGE__ = {
  '@nestjs/common': await import('@nestjs/common'),
  '@nestjs/core': await import('@nestjs/core'),
};
