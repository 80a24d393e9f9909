#!/usr/bin/env node
// `npm test` step: fails when the product's modules import each other in a circle, and reports each
// strongly connected component with one cycle through it (see scripts/import-graph.mjs for what counts).
import path from 'node:path';
import { importGraph } from './import-graph.mjs';

if (process.argv.includes('--help')) {
  console.log('usage: node scripts/check-cycles.mjs [root]   (exits 1 listing each import cycle; root defaults to the repository)');
  process.exit(0);
}
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { files, edges, rel } = importGraph(root);

// Tarjan's strongly connected components, iteratively (deep import chains would overflow the stack).
function components() {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const found = [];
  let next = 0;
  for (const start of files) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const targets = edges.get(node);
      if (i < targets.length) {
        frame[1]++;
        const target = targets[i];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const members = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          members.push(member);
        } while (member !== node);
        if (members.length > 1 || edges.get(node).includes(node)) found.push(members);
      }
    }
  }
  return found;
}

/** The shortest way from a module back to itself inside its component: the cycle to read first. */
function shortestCycle(members) {
  const inside = new Set(members);
  const start = [...members].sort()[0];
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const node = queue.shift();
    for (const target of edges.get(node)) {
      if (!inside.has(target)) continue;
      if (target === start) {
        const cycle = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

const cycles = components();
if (!cycles.length) {
  console.log(`import cycles: none among ${files.length} modules`);
  process.exit(0);
}
for (const members of cycles) {
  console.log(`cycle of ${members.length} module${members.length === 1 ? '' : 's'}: ${shortestCycle(members).map(rel).join(' -> ')}`);
  if (members.length > 2) console.log(`  all of them: ${members.map(rel).sort().join(', ')}`);
}
console.log(`import cycles: ${cycles.length} (type-only imports and dynamic import() are not counted)`);
process.exit(1);
