// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENDPOINTS, LANGFUSE_ENDPOINTS } from '../../src/server/endpoints.ts';

// The proxy's parameter lists must be the spec's, no more (nothing unknown reaches Langfuse) and
// no less (the client may use any of them). The spec is not part of the repository: set
// LANGFUSE_OPENAPI, or keep it at ../shared/langfuse-api/openapi.yml.
const SPEC = process.env.LANGFUSE_OPENAPI ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'langfuse-api', 'openapi.yml');

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string };
}

describe.skipIf(!existsSync(SPEC))('proxy parameters against the Langfuse OpenAPI spec', () => {
  const spec = existsSync(SPEC) ? (parse(readFileSync(SPEC, 'utf8'), { maxAliasCount: -1 }) as { paths: Record<string, { get?: { parameters?: Parameter[] } }> }) : null;

  it.each(LANGFUSE_ENDPOINTS)('%s: the same query parameters, arrays where the spec has arrays', (path) => {
    const parameters = (spec!.paths[path]?.get?.parameters ?? []).filter((parameter) => parameter.in === 'query');
    expect(parameters.length).toBeGreaterThan(0);
    const definition = ENDPOINTS[path];
    expect([...definition.names].sort()).toEqual(parameters.map((parameter) => parameter.name).sort());
    expect([...(definition.arrays ?? [])].sort()).toEqual(
      parameters
        .filter((parameter) => parameter.schema?.type === 'array')
        .map((parameter) => parameter.name)
        .sort(),
    );
  });
});
