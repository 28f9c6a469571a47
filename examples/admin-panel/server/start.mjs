// `npm run example`: builds the package and the app, then serves the admin panel.
import { APP_DIR, buildExample } from './build.mjs';
import { startExample } from './server.mjs';

await buildExample();
const example = await startExample({ port: Number(process.env.PORT ?? 5180), appDir: APP_DIR, faults: process.env.EXAMPLE_FAULTS === '1' });
console.log(`[example] The admin panel is at ${example.url} (sign in as Acme Corp or Globex). Ctrl+C stops it.`);
