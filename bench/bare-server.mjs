/**
 * The reference for the answer-save figure: a bare node:http server on 127.0.0.1 that reads the
 * request body and answers a fixed JSON body shaped like the app's answer. Run as a child process
 * by bench/run.mjs; prints its port on stdout.
 */
import http from 'node:http';

const body = Buffer.from(
  JSON.stringify({
    questionId: 'procurement.purchasing_policy',
    value: 'written_basic',
    comment: null,
    version: 42,
    carriedOver: false,
    answeredBy: '00000000-0000-4000-8000-000000000000',
    answeredByEmail: 'bench@example.invalid',
    updatedAt: '2025-01-01T00:00:00.000Z',
    visible: true,
  }),
);

const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
