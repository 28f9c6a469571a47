import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { Loader } from '@storybook/react-vite';
import { createLangfuseClient, createMemoryClient, type Dataset, type UserTrackingClient } from '../src/core.ts';
import { createLangfuseFake, type LangfuseFake } from '../src/testing/index.ts';
import { demoClient, demoDataset, demoNow } from './demoClient.ts';

/**
 * The source switch: every story's data behind the in-memory client, or behind the Langfuse
 * client talking over HTTP to a fake Langfuse that MSW serves in the browser (requests show in
 * the network panel). Same dataset either way, so the two must show the same figures wherever
 * the Langfuse source has them.
 */

export type SourceName = 'memory' | 'langfuse';

/** A story's data, by a key that names it in URLs and query keys. */
export interface StoryDataset {
  key: string;
  dataset: Dataset | (() => Dataset);
}

export const DEMO: StoryDataset = { key: 'demo', dataset: demoDataset };
/** Where the fake Langfuse answers: `/langfuse/<dataset key>/api/public/...`. */
const MOUNT = '/langfuse';

const fakes = new Map<string, LangfuseFake>();
const clients = new Map<string, UserTrackingClient>([['memory:demo', demoClient]]);

/** One handler for every dataset: the fakes are registered as stories ask for them. */
const fakeLangfuse = http.all(`*${MOUNT}/:key/api/public/*`, ({ request, params }) => {
  const fake = fakes.get(String(params.key));
  return fake ? fake(request) : Response.json({ message: `No story dataset "${String(params.key)}".` }, { status: 404 });
});

const startWorker = mswLoader(async () => {
  const worker = setupWorker(fakeLangfuse);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return worker;
});

/** Starts MSW only when a story runs on the Langfuse source. */
export const sourceLoader: Loader = async (context) => {
  if (context.globals.source === 'langfuse') await startWorker(context);
  // Each story starts with an empty request log (the fakes outlive stories).
  for (const fake of fakes.values()) fake.reset();
  return {};
};

export function clientFor(source: SourceName, story: StoryDataset): UserTrackingClient {
  const id = `${source}:${story.key}`;
  let client = clients.get(id);
  if (!client) {
    const dataset = typeof story.dataset === 'function' ? story.dataset() : story.dataset;
    if (source === 'memory') {
      client = createMemoryClient(dataset, { id });
    } else {
      fakes.set(story.key, createLangfuseFake(dataset));
      // Scores on sessions too, so both sources show the same feedback (one request more per user page).
      client = createLangfuseClient({ baseUrl: `${MOUNT}/${story.key}`, id, now: demoNow, sessionScores: true });
    }
    clients.set(id, client);
  }
  return client;
}
