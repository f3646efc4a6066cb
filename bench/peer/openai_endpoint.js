#!/usr/bin/env node
// An independent OpenAI-compatible chat completions endpoint for the peer benchmark: plain
// Node.js (no dependencies), nothing shared with `distillscope serve`. Every request is
// answered after --latency-ms milliseconds with a short deterministic completion.
//
//   node bench/peer/openai_endpoint.js [--port N] [--latency-ms L] [--host H]
//
// Prints exactly one line "peer endpoint: listening on http://HOST:PORT" when ready, then
// serves until SIGTERM/SIGINT or until its parent exits (so it never outlives the bench).
'use strict';
const http = require('http');

function parseArgs(argv) {
  const options = { host: '127.0.0.1', port: 0, latencyMs: 50 };
  for (let i = 2; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) usage(`${flag} needs a value`);
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--latency-ms') options.latencyMs = Number(value);
    else if (flag === '--host') options.host = value;
    else usage(`unknown flag ${flag}`);
    i++;
  }
  if (!Number.isFinite(options.latencyMs) || options.latencyMs < 0) usage('--latency-ms must be >= 0');
  return options;
}

function usage(message) {
  process.stderr.write(`${message}\nusage: openai_endpoint.js [--port N] [--latency-ms L] [--host H]\n`);
  process.exit(2);
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function completion(request, counter) {
  const messages = Array.isArray(request.messages) ? request.messages : [];
  const last = messages.length ? String(messages[messages.length - 1].content ?? '') : '';
  const text = `Answer ${last.length % 97}: ${last.slice(0, 48)}`;
  return {
    id: `chatcmpl-peer-${counter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: String(request.model ?? 'peer'),
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: Math.ceil(last.length / 4), completion_tokens: Math.ceil(text.length / 4),
             total_tokens: Math.ceil(last.length / 4) + Math.ceil(text.length / 4) },
  };
}

function main() {
  const options = parseArgs(process.argv);
  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url.endsWith('/models')) {
        sendJson(res, 200, { object: 'list', data: [{ id: 'peer', object: 'model' }] });
        return;
      }
      if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
        sendJson(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'not_found' } });
        return;
      }
      let request;
      try {
        request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        sendJson(res, 400, { error: { message: `body is not JSON: ${e.message}`, type: 'invalid_request_error' } });
        return;
      }
      const answer = completion(request, ++counter);
      setTimeout(() => sendJson(res, 200, answer), options.latencyMs);
    });
  });
  // Clients keep connections open between requests; never close an idle one mid-benchmark.
  server.keepAliveTimeout = 120000;
  server.headersTimeout = 121000;
  server.requestTimeout = 0;
  server.maxRequestsPerSocket = 0;
  server.listen({ host: options.host, port: options.port, backlog: 4096 }, () => {
    const { address, port } = server.address();
    process.stdout.write(`peer endpoint: listening on http://${address}:${port}\n`);
  });
  const stop = () => process.exit(0);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) stop(); }, 1000).unref();
}

main();
