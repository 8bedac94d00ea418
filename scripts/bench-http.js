'use strict';
/** The HTTP side of \`npm run bench\` (scripts/bench.js): its JSON client, and the mark-entry clients' worker. */
const http = require('http');
const { isMainThread, parentPort, workerData } = require('worker_threads');

/** A small JSON client over Node's http with keep-alive, bound to one server on loopback. */
const httpClient = (port, maxSockets) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request = (method, url, jwt, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = { Accept: 'application/json' };
      if (jwt) headers.Authorization = `Bearer ${jwt}`;
      if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
      const req = http.request({ host: '127.0.0.1', port, method, path: url, headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode, text, json });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  return { request, close: () => agent.destroy() };
};

/** Milliseconds since a `process.hrtime.bigint()` start. */
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * The mark-entry burst, run in a worker thread: \`clients\` concurrent keep-alive clients post the
 * bodies to \`route\` in turn, each waiting for its answer before the next. The clients have a thread (a core) of
 * their own, as real teachers' browsers are not on the server; the server's thread serves only.
 */
const postMarks = async ({ port, jwt, bodies, clients, route = '/api/marks' }) => {
  const client = httpClient(port, Math.max(clients, 1));
  const latencies = [];
  const errors = [];
  // Marks stored: one per post, or the length of a batch (`POST /api/marks/batch`).
  let stored = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (;;) {
      const index = next;
      next += 1;
      if (index >= bodies.length) return;
      const start = process.hrtime.bigint();
      try {
        const response = await client.request('POST', route, jwt, bodies[index]);
        latencies.push(ms(start));
        if (response.status !== 201 && response.status !== 200) errors.push(`HTTP ${response.status} ${response.text.slice(0, 500)}`);
        else stored += Array.isArray(bodies[index].data) ? bodies[index].data.length : 1;
      } catch (error) {
        latencies.push(ms(start));
        errors.push(error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = ms(started) / 1000;
  client.close();
  return { latencies, errors, seconds, stored };
};

if (!isMainThread && workerData?.task === 'post-marks') {
  postMarks(workerData).then(
    (result) => parentPort.postMessage(result),
    (error) => parentPort.postMessage({ failed: String(error?.stack ?? error) }),
  );
}

module.exports = { httpClient, ms, postMarks };
