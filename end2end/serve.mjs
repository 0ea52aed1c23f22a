// Serves dist/ on 127.0.0.1 with the Content-Security-Policy of the public
// contract, at / and at a sub-path (/exhibits/rift/), like a static host.
// Host pages named strict-*.html get a stricter policy, without
// 'wasm-unsafe-eval' (as many news sites have). A build with forced faults,
// when there is one (end2end/dist-faults, built by scripts/test.sh), is
// served at /faults/.
// usage: node serve.mjs [port] [dir]
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, TYPES, file } from './static.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.argv[2] ?? 8080);
const roots = {
  '/': resolve(process.argv[3] ?? join(here, '..', 'dist')),
  '/hosts/': join(here, 'hosts'),
  '/faults/': join(here, 'dist-faults'),
};
const SUBPATH = '/exhibits/rift/';
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let pathname = decodeURIComponent(url.pathname);
  let root = roots['/'];
  if (pathname.startsWith('/hosts/')) {
    root = roots['/hosts/'];
    pathname = pathname.slice('/hosts'.length);
  } else if (pathname.startsWith('/faults/')) {
    root = roots['/faults/'];
    pathname = pathname.slice('/faults'.length);
  } else if (pathname === '/favicon.ico') {
    // A host site has its own icon; browsers ask for it unprompted.
    pathname = '/favicon.svg';
  } else if (pathname.startsWith(SUBPATH)) {
    pathname = pathname.slice(SUBPATH.length - 1);
  }
  const found = await file(root, pathname);
  if (!found) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(found.path)] ?? 'application/octet-stream',
    'content-security-policy': /\/strict-[^/]*\.html$/.test(found.path) ? STRICT_CSP : CSP,
    'cache-control': 'no-store',
  });
  res.end(found.body);
}).listen(port, '127.0.0.1', () => console.log(`serving on http://127.0.0.1:${port}/`));
