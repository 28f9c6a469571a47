// @vitest-environment node
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'vite';

// The secret key lives only in userlens/server. This builds the browser entries from source the
// way a host's bundler would (peers external, nothing minified so identifiers survive) and checks
// that no proxy code, no Basic-auth builder and no secret from the environment ends up in them.
const ROOT = resolve(import.meta.dirname, '..', '..');
const CANARY = 'sk-lf-canary-env-secret-0b7e';
const EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/];

// Identifiers and texts only the proxy has. (The client may name `createLangfuseProxy` in its
// messages, so the name itself is not a marker; its declaration is.)
const PROXY_MARKERS = [
  'function createLangfuseProxy',
  'basicAuthorization',
  'Basic ',
  'secretKey',
  'createTraceVerifier',
  'scopeMetricsQuery',
  "refused the proxy's credentials",
  'toNodeListener',
];

async function bundle(entry: Record<string, string>) {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'] },
      rolldownOptions: { external: EXTERNAL },
    },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((output) => ('output' in output ? output.output : [])).filter((item) => item.type === 'chunk');
}

describe('browser bundle', () => {
  it('the markers are real: the server entry bundled the same way holds every one', { timeout: 60_000 }, async () => {
    const code = (await bundle({ server: resolve(ROOT, 'src/server/index.ts') })).map((chunk) => chunk.code).join('\n');
    for (const marker of PROXY_MARKERS) expect(code, marker).toContain(marker);
  });

  it('holds no proxy code and no secret from the environment', { timeout: 60_000 }, async () => {
    const previous = process.env.LANGFUSE_SECRET_KEY;
    process.env.LANGFUSE_SECRET_KEY = CANARY;
    try {
      const chunks = await bundle({ index: resolve(ROOT, 'src/index.ts'), core: resolve(ROOT, 'src/core.ts') });
      expect(chunks.map((chunk) => chunk.name)).toEqual(expect.arrayContaining(['index', 'core']));
      const code = chunks.map((chunk) => chunk.code).join('\n');
      // The bundle is real: it holds the client code.
      expect(code).toContain('createMemoryClient');
      for (const marker of [CANARY, 'LANGFUSE_SECRET_KEY', ...PROXY_MARKERS]) expect(code, marker).not.toContain(marker);
      const modules = chunks.flatMap((chunk) => chunk.moduleIds);
      expect(modules.filter((id) => id.includes('/src/server/'))).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.LANGFUSE_SECRET_KEY;
      else process.env.LANGFUSE_SECRET_KEY = previous;
    }
  });
});
