// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Specifiers of every import, re-export and dynamic import, as TypeScript reads them (type-only ones too). */
const importsOf = (source: string) => ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);

/** The directive as a module's first statement, after any comments. */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;

/** The source file a relative `.js` specifier names (`.ts` or `.tsx` beside it). */
function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  const file = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`${relative(SRC, from)} imports ${specifier}, which resolves to no source file`);
  return file;
}

/** Every module reachable from `entry` through relative imports, with the packages each imports. */
function moduleGraph(entry: string) {
  const files = new Map<string, { useClient: boolean; packages: string[] }>();
  const pending = [resolve(SRC, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const imports = importsOf(source);
    files.set(file, {
      useClient: USE_CLIENT.test(source),
      packages: imports.filter((specifier) => !specifier.startsWith('.')),
    });
    for (const specifier of imports) if (specifier.startsWith('.')) pending.push(resolveRelative(file, specifier));
  }
  return new Map([...files].map(([file, info]) => [relative(SRC, file), info]));
}

const offences = (graph: ReturnType<typeof moduleGraph>) =>
  [...graph].flatMap(([file, { useClient, packages }]) => [
    ...(useClient ? [`${file} starts with 'use client'`] : []),
    ...packages.filter((name) => /^react-dom(\/|$)/.test(name)).map((name) => `${file} imports ${name}`),
  ]);

describe('userlens/query — safe to import on a server', () => {
  it('reaches no userlens module marked \'use client\' and imports no react-dom', () => {
    const graph = moduleGraph('query.ts');
    // The walk reaches the factories and both clients, so the check covers what the entry runs.
    expect([...graph.keys()]).toEqual(
      expect.arrayContaining(['query.ts', 'hooks/queries.ts', 'client/memory/createMemoryClient.ts', 'client/langfuse/createLangfuseClient.ts']),
    );
    expect(offences(graph)).toEqual([]);
  });

  it('would notice: the `userlens` entry reaches the hooks, which are client modules', () => {
    expect(offences(moduleGraph('index.ts'))).toContain("hooks/useUsers.ts starts with 'use client'");
  });
});
