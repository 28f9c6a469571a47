import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What a React Server Component page needs from the package, checked on the module graph:
 * server-safe entries reach no client module, and the client entry re-exports every part from a
 * module that is its own `'use client'` boundary, with no `export *` across one.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

interface ModuleInfo {
  file: string;
  useClient: boolean;
  /** Relative imports and re-exports, value or type, resolved to files. */
  deps: string[];
  /** Value (not type-only) imports of bare packages. */
  packages: string[];
  exportStar: boolean;
  /** Named value re-exports: local name → the module it comes from. */
  reExports: Map<string, string>;
}

const cache = new Map<string, ModuleInfo>();

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, `${base}.tsx`]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next spelling
    }
  }
  throw new Error(`cannot resolve ${specifier} from ${relative(ROOT, from)}`);
}

function inspect(file: string): ModuleInfo {
  const known = cache.get(file);
  if (known) return known;
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const first = source.statements[0];
  const info: ModuleInfo = {
    file,
    useClient: Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use client'),
    deps: [],
    packages: [],
    exportStar: false,
    reExports: new Map(),
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (specifier.startsWith('.')) info.deps.push(resolveRelative(file, specifier));
      else if (!typeOnly) info.packages.push(specifier);
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      info.deps.push(target);
      if (!statement.exportClause) info.exportStar ||= !statement.isTypeOnly;
      else if (ts.isNamedExports(statement.exportClause) && !statement.isTypeOnly) {
        for (const element of statement.exportClause.elements) if (!element.isTypeOnly) info.reExports.set(element.name.text, target);
      }
    }
  }
  cache.set(file, info);
  return info;
}

function graph(entry: string): ModuleInfo[] {
  const seen = new Map<string, ModuleInfo>();
  const queue = [join(SRC, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const info = inspect(file);
    seen.set(file, info);
    queue.push(...info.deps);
  }
  return [...seen.values()];
}

const name = (info: ModuleInfo) => relative(SRC, info.file);

describe('entries a server imports', () => {
  it.each(['core.ts', 'query.ts', 'server/index.ts'])('%s reaches no client module, react-dom or component library', (entry) => {
    const modules = graph(entry);
    expect(modules.length).toBeGreaterThan(3);
    expect(modules.filter((m) => m.useClient).map(name)).toEqual([]);
    const clientOnly = /^(react-dom|@radix-ui\/|@tanstack\/react-(table|virtual)|@visx\/)/;
    expect(modules.flatMap((m) => m.packages.filter((p) => clientOnly.test(p)).map((p) => `${name(m)} → ${p}`))).toEqual([]);
  });

  it('would notice a client module: the index reaches the hooks, which are marked', () => {
    expect(graph('index.ts').filter((m) => m.useClient).map(name)).toEqual(expect.arrayContaining(['hooks/useUsers.ts', 'provider/UserTrackingProvider.tsx']));
    expect(graph('query.ts').map(name)).toEqual(expect.arrayContaining(['hooks/queries.ts', 'client/memory/createMemoryClient.ts', 'client/langfuse/createLangfuseClient.ts']));
  });

  it('core and server import no React at all', () => {
    for (const entry of ['core.ts', 'server/index.ts']) {
      expect(graph(entry).flatMap((m) => m.packages.filter((p) => /^react($|\/)|^@tanstack\/react-/.test(p)).map((p) => `${name(m)} → ${p}`))).toEqual([]);
    }
  });
});

describe('the client entry, userlens', () => {
  const modules = graph('index.ts');
  const index = inspect(join(SRC, 'index.ts'));

  it('is not itself a client module, so a server can import the core it re-exports', () => {
    expect(index.useClient).toBe(false);
  });

  it('has no export * inside any client module', () => {
    expect(modules.filter((m) => m.useClient && m.exportStar).map(name)).toEqual([]);
  });

  // What a server evaluates when a Server Component imports `userlens`: the modules reached
  // without entering a client module (each of those becomes a client reference).
  it('evaluates no React state, context or component library on a server', () => {
    const seen = new Map<string, ModuleInfo>();
    const queue = [join(SRC, 'index.ts')];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      const info = inspect(file);
      seen.set(file, info);
      if (!info.useClient) queue.push(...info.deps);
    }
    const serverSide = [...seen.values()].filter((m) => !m.useClient);
    expect(serverSide.length).toBeGreaterThan(10);
    const clientOnly = /^(react|react-dom)($|\/)|^@radix-ui\/|^@tanstack\/react-(table|virtual)|^@visx\//;
    const offences = serverSide.flatMap((m) => m.packages.filter((p) => clientOnly.test(p) && p !== 'react/jsx-runtime').map((p) => `${name(m)} → ${p}`));
    // queries.ts uses react-query's server-safe `queryOptions` / `skipToken` only.
    expect(offences).toEqual([]);
  });

  it('re-exports every component and hook from a module that is its own client boundary', () => {
    const parts = [...index.reExports].filter(([exported]) => /^(use[A-Z]|[A-Z][a-z])/.test(exported) && !/^(UserlensError)$/.test(exported));
    expect(parts.length).toBeGreaterThan(30);
    const notClient = parts.filter(([, file]) => !inspect(file).useClient).map(([exported, file]) => `${exported} (${relative(SRC, file)})`);
    expect(notClient).toEqual([]);
    for (const flat of ['UserListRoot', 'UserListTable', 'UserListSearch', 'UserListPagination', 'UserListToolbar', 'UserDetailRoot', 'UserDetailHeader']) {
      expect(index.reExports.has(flat)).toBe(true);
    }
  });
});
