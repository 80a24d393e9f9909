// The import graph of the product's code, read with the TypeScript parser (already installed): static
// `import … from` and `export … from` statements through relative paths and the '@/' alias.
// Left out, on purpose: `import type` / `export type` (and imports whose every name is `type`), which
// vanish when compiled; and dynamic `import()`, which runs after every module has loaded.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const FOLDERS = ['app', 'lib', 'db', 'components', 'cli', 'scripts', 'tools'];
const SKIP = new Set(['node_modules', 'migrations', '.next']);

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return SKIP.has(name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const typeOnly = (statement) => {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return false; // `import 'x'` runs x
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  }
  const exported = statement.exportClause;
  return statement.isTypeOnly
    || (!!exported && ts.isNamedExports(exported) && exported.elements.length > 0 && exported.elements.every((e) => e.isTypeOnly));
};

/** Static import/export-from specifiers of a file, type-only ones left out. */
export function specifiers(file) {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, kind);
  return source.statements
    .filter((s) => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s))
      && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && !typeOnly(s))
    .map((s) => s.moduleSpecifier.text);
}

function resolve(root, from, specifier) {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null; // a package
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The product's modules and their static, non-type imports: `edges` to other modules, `packages` by name. */
export function importGraph(root) {
  const resolveIn = (from, specifier) => resolve(root, from, specifier);
  const files = FOLDERS.flatMap((f) => sourceFiles(path.join(root, f)));
  const known = new Set(files);
  const edges = new Map();
  const packages = new Map();
  for (const file of files) {
    const specs = specifiers(file);
    edges.set(file, [...new Set(specs.map((s) => resolveIn(file, s)).filter((t) => t && known.has(t)))]);
    packages.set(file, [...new Set(specs.filter((s) => !s.startsWith('.') && !s.startsWith('@/')))]);
  }
  return { files, edges, packages, rel: (f) => path.relative(root, f) };
}
