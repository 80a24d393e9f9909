#!/usr/bin/env node
// `npm test` step: fails when a client component ('use client') reaches server-only code through its
// static imports: the database client, or a package that only runs in Node (a driver, SSH, mail).
// Such an import breaks `next build` ("Can't resolve 'fs'") or ships server code to the browser.
// A 'use server' module is where the walk stops: the client gets references to its actions, not its code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importGraph } from './import-graph.mjs';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const SERVER_MODULES = ['db/client.ts', 'lib/crypto/secrets.ts'];
const SERVER_PACKAGES = /^(pg|@electric-sql\/pglite|ssh2|imapflow|nodemailer|mailparser|@node-rs\/argon2|pino|prom-client|node:.*|fs|child_process|net|dns)(\/|$)/;

const { files, edges, packages, rel } = importGraph(root);
const directive = (file) => /^\s*(['"])use (client|server)\1/.exec(readFileSync(file, 'utf8'))?.[2];
const isClient = (file) => directive(file) === 'client';
const isServerActions = (file) => directive(file) === 'server';
const serverOnly = new Set(SERVER_MODULES.map((m) => path.join(root, m)));

let problems = 0;
for (const start of files.filter(isClient)) {
  // breadth first, so the chain printed is the shortest one
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  let found = null;
  while (queue.length && !found) {
    const node = queue.shift();
    const pkg = packages.get(node).find((p) => SERVER_PACKAGES.test(p));
    if (serverOnly.has(node) || pkg) found = { node, what: pkg ?? rel(node) };
    for (const target of edges.get(node)) {
      if (cameFrom.has(target) || isServerActions(target)) continue;
      cameFrom.set(target, node);
      queue.push(target);
    }
  }
  if (!found) continue;
  const chain = [];
  for (let at = found.node; at; at = cameFrom.get(at)) chain.unshift(rel(at));
  console.log(`client component ${rel(start)} reaches ${found.what}: ${chain.join(' -> ')}`);
  problems++;
}
console.log(problems ? `client boundary: ${problems} client component(s) reach server-only code` : 'client boundary: no client component reaches server-only code');
process.exit(problems ? 1 : 0);
