// `npm run example`: builds the package and the app, then serves the admin panel.
import { APP_DIR, buildExample } from './build.mjs';
import { startExample } from './server.mjs';

await buildExample();
// USERLENS_EXPORT: a folder holding a Langfuse export (a blob-storage run, UI exports) to serve
// beside the Langfuse API; without it, the demo data is served as an export too.
const example = await startExample({ port: Number(process.env.PORT ?? 5180), appDir: APP_DIR, faults: process.env.EXAMPLE_FAULTS === '1', exportDir: process.env.USERLENS_EXPORT });
console.log(`[example] The admin panel is at ${example.url} (sign in as Acme Corp or Globex). Ctrl+C stops it.`);
