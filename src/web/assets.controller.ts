import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Public } from '../accounts/caller.js';
import { DomainError } from '../common/domain-error.js';
import { PageErrorFilter } from './page-error.filter.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/**
 * The folder of the page assets: next to this file when running from the sources (tests,
 * `nest start`), or the sources' folder when running the compiled build (`dist/src/web`),
 * since the build does not copy non-TypeScript files.
 */
export function assetsDir(): string {
  const candidates = [
    fileURLToPath(new URL('./assets/', import.meta.url)),
    fileURLToPath(new URL('../../../src/web/assets/', import.meta.url)),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'app.css')));
  if (!found) throw new Error(`The web assets were not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Loads every asset once, at start: a fixed list, so no request can reach another file. */
export function loadAssets(dir = assetsDir()): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type || name.endsWith('.d.ts')) continue;
    const body = readFileSync(join(dir, name));
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
  }
  return assets;
}

/** Stylesheet, scripts and icons of the pages: revalidated by ETag, so a new version is seen at once. */
@ApiExcludeController()
@Controller('assets')
@UseFilters(PageErrorFilter)
export class AssetsController {
  private readonly assets = loadAssets();

  @Get(':name')
  @Public()
  serve(@Param('name') name: string, @Req() req: Request, @Res() res: Response): void {
    const asset = this.assets.get(name);
    if (!asset) throw DomainError.notFound('Asset');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', asset.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).type(asset.type).send(asset.body);
  }
}
