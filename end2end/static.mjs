// What the static servers of the tests and the benchmark share
// (end2end/serve.mjs, bench/serve.mjs, bench/lighthouse.mjs): the public
// contract's Content-Security-Policy, content types, and reading a file
// under a root without leaving it.
import { readFile, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

/** The file at `rel` under `root` (a folder's index.html), or null. */
export async function file(root, rel) {
  const path = normalize(join(root, rel));
  if (!path.startsWith(root)) return null;
  try {
    const s = await stat(path);
    return s.isDirectory() ? await file(root, join(rel, 'index.html')) : { path, body: await readFile(path) };
  } catch {
    return null;
  }
}
