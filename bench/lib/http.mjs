/** A keep-alive HTTP/1.1 client for 127.0.0.1 that times each request (start -> last body byte). */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export class HttpError extends Error {}

export function createClient(baseUrl, { maxSockets = 16 } = {}) {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1') throw new Error(`bench talks to 127.0.0.1 only, not ${url.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  function request(method, path, { token, body, timeoutMs = 30_000 } = {}) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { accept: '*/*' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent, timeout: timeoutMs }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: buf,
            ms: performance.now() - t0,
            json: () => JSON.parse(buf.toString('utf8')),
          });
        });
      });
      req.on('timeout', () => req.destroy(new HttpError(`${method} ${path}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** request() that throws unless the status is one of `ok` (default 2xx). */
  async function call(method, path, options = {}, ok = null) {
    const res = await request(method, path, options);
    const good = ok ? ok.includes(res.status) : res.status >= 200 && res.status < 300;
    if (!good) throw new HttpError(`${method} ${path} -> ${res.status}: ${res.body.toString('utf8').slice(0, 400)}`);
    return res;
  }

  return { request, call, close: () => agent.destroy(), baseUrl };
}
