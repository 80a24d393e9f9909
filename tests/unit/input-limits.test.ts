import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

const root = path.resolve(import.meta.dirname, '../..');

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;
const isZod = (value: unknown) => typeof value === 'object' && value !== null && '_zod' in value;

/** Every path in a schema where a string of any length is accepted. */
function unboundedStrings(schema: z.ZodType, at: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: unknown, where = at) => (isZod(child) ? unboundedStrings(child as z.ZodType, where, seen) : []);
  switch (def.type) {
    case 'string':
      return (schema as z.ZodString).maxLength === null ? [at || '(the input)'] : [];
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => inner(child, at ? `${at}.${key}` : key)).concat(inner(def.catchall, `${at}.*`));
    case 'array':
      return inner(def.element, `${at}[]`);
    case 'record':
      return [...inner(def.keyType, `${at}{key}`), ...inner(def.valueType, `${at}{}`)];
    case 'union':
      return (def.options as unknown[]).flatMap((option) => inner(option));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'tuple':
      return [...(def.items as unknown[]).flatMap((item, i) => inner(item, `${at}[${i}]`)), ...inner(def.rest, `${at}[]`)];
    case 'pipe':
      // What the caller sends is the pipe's input; a transform's output is ours.
      return inner(def.in);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    default:
      return [];
  }
}

/** lib/ modules that define mutations or export request bodies (`…Input`, `…Body`), and every lib/**\/*schemas.ts. */
function inputModules() {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        const defines = /from '@\/lib\/auth\/mutation'|from '\.\/mutation'|export const \w+(Input|Body) = z\b/.test(text);
        if (entry.name.endsWith('schemas.ts') || defines) files.push(path.relative(root, full));
      }
    }
  };
  walk(path.join(root, 'lib'));
  return files.sort();
}

describe('every input has a length limit', () => {
  it('every string in every mutation input, request body and schema in lib/**/*schemas.ts has a maximum length', async () => {
    const problems: string[] = [];
    let mutations = 0;
    for (const file of inputModules()) {
      const exports = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        const isMutation = typeof value === 'function' && 'input' in value && 'action' in value;
        if (isMutation) mutations++;
        const isBody = isZod(value) && (file.endsWith('schemas.ts') || /(Input|Body)$/.test(name));
        const schema = isMutation ? (value as { input: unknown }).input : isBody ? value : null;
        if (!schema) continue;
        for (const where of unboundedStrings(schema as z.ZodType, '')) problems.push(`${file} ${name}: ${where}`);
      }
    }
    expect(mutations).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  }, 60_000); // it loads every service module: seconds on a busy machine

  it('the sign-in form has limits too', async () => {
    const { credentialsInput } = await import('@/lib/auth/credentials');
    expect(unboundedStrings(credentialsInput, '')).toEqual([]);
  });
});
