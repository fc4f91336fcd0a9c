import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves a file from `root` by an already decoded path, refusing any path that would leave
 * it. Resolves false when there is no such file; a read that fails half-way (the file
 * replaced by a rebuild, the client gone) ends that answer only.
 */
export async function serveStatic(
  root: string,
  path: string,
  res: ServerResponse,
  headers: Record<string, string> = {},
): Promise<boolean> {
  const base = resolve(root);
  const target = resolve(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return false;
  const info = await stat(target).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': types[extname(target)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    ...headers,
  });
  await pipeline(createReadStream(target), res).catch(() => res.destroy());
  return true;
}
