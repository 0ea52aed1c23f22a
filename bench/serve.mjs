// A static server on 127.0.0.1 for the benchmark (the logic of
// end2end/serve.mjs):
//   /rift/...           a copy of dist/, with the public contract's CSP
//   /pages/...          bench/pages (the peers' pages)
//   /data/...           the peers' data files written for this run
//   /node_modules/...   the two peers' packages only (never shipped)
// Nothing is cached (cache-control: no-store).
// usage: node serve.mjs [port] [dist] [data]   (to look at pages by hand)
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, TYPES, file } from '../end2end/static.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Starts the server; resolves to { url, close }. `onServe(path, status, body)` sees each response. */
export function serve({ dist, data, port = 0, onServe = () => {} }) {
  const mounts = [
    ['/rift/', resolve(dist), true],
    ['/pages/', join(here, 'pages'), false],
    ['/data/', resolve(data), false],
    ['/node_modules/vis-timeline/', join(here, 'node_modules', 'vis-timeline'), false],
    ['/node_modules/@knight-lab/timelinejs/', join(here, 'node_modules', '@knight-lab', 'timelinejs'), false],
  ];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    const found = mount && (await file(mount[1], pathname.slice(mount[0].length - 1)));
    if (!found) {
      onServe(req.url, 404, Buffer.alloc(0));
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end('not found');
      return;
    }
    const headers = {
      'content-type': TYPES[extname(found.path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    if (mount[2]) headers['content-security-policy'] = CSP;
    onServe(req.url, 200, found.body);
    res.writeHead(200, headers);
    res.end(found.body);
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () =>
      ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8092);
  const dist = process.argv[3] ?? join(here, '..', 'dist');
  const data = process.argv[4] ?? join(here, 'results', 'data');
  const { url } = await serve({ dist, data, port });
  console.log(`serving on ${url} (rift/, pages/, data/, node_modules/)`);
}
