// `next start`, plus the connecting address on every request (scripts/peer-address.mjs).
// Migrations, the scheduler and clean shutdown stay with the app (instrumentation.ts).
import http from 'node:http';
import path from 'node:path';
import { appendPeer } from './peer-address.mjs';

// As `next start` does, and before React and Next are loaded: they pick their build by it.
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

const port = Number(process.env.PORT ?? 3000);
const app = next({ dir: path.resolve(import.meta.dirname, '..'), port });
const handle = app.getRequestHandler();
await app.prepare();
http
  .createServer((req, res) => {
    appendPeer(req);
    handle(req, res);
  })
  .listen(port);
