// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createLangfuseClient, createMemoryClient, type UserTrackingClient } from '../../src/core.ts';
import { createLangfuseProxy, type LangfuseScope } from '../../src/server/index.ts';
import { createFixtures, createLangfuseFake } from '../../src/testing/index.ts';
import { BASE_URL, PUBLIC_KEY, SECRET_KEY, expectNoSecrets } from './harness.ts';

// The whole way through: the browser's client → the host's proxy (keys, scope) → Langfuse (the
// fake, which checks the keys). Two tenants' users share one Langfuse project.
const f = createFixtures('2026-10-01T00:00:00.000Z');
for (const [userId, cost] of [['acme:ana', 3], ['acme:bo', 2], ['globex:cy', 9], ['Acme:eve', 7]] as const) {
  for (let t = 0; t < 3; t++) {
    const trace = f.trace({ userId, environment: 'production' });
    f.observation({ type: 'SPAN', startTime: trace.timestamp, totalCost: cost });
    f.score({ value: t / 2 });
  }
}
const dataset = f.dataset();

function tenant(scope: LangfuseScope | null) {
  const fake = createLangfuseFake(dataset, { auth: { publicKey: PUBLIC_KEY, secretKey: SECRET_KEY } });
  const proxy = createLangfuseProxy({
    baseUrl: BASE_URL,
    publicKey: PUBLIC_KEY,
    secretKey: SECRET_KEY,
    basePath: '/api/userlens',
    scope: () => scope,
    fetch: async (input, init) => fake(new Request(input, init)),
  });
  const answers: Response[] = [];
  const client = createLangfuseClient({
    baseUrl: 'https://host.example/api/userlens',
    // Open ranges end on this clock, after the fixtures, on any machine date.
    now: () => Date.parse('2026-11-02T00:00:00.000Z'),
    fetch: async (input, init) => {
      const response = await proxy(new Request(input, init));
      answers.push(response.clone());
      return response;
    },
  });
  return { client, answers, fake };
}

const ids = async (client: UserTrackingClient) => (await client.listUsers({ sort: { field: 'totalCost', direction: 'desc' } })).items.map((u) => u.userId);

describe('client → proxy → Langfuse', () => {
  it('shows an unscoped admin every user, with the figures the memory client computes', async () => {
    const { client, answers } = tenant(null);
    expect(await ids(client)).toEqual(['globex:cy', 'Acme:eve', 'acme:ana', 'acme:bo']);
    expect(await client.getUser('acme:ana')).toEqual(await createMemoryClient(dataset).getUser('acme:ana'));
    for (const answer of answers) await expectNoSecrets(answer);
  });

  it("keeps a tenant to its own users: in the list, in a detail view, and in another tenant's", async () => {
    const { client, answers } = tenant({ userIdPrefix: 'acme:' });
    // Case-sensitive, as Langfuse matches: "Acme:eve" is not acme's.
    expect(await ids(client)).toEqual(['acme:ana', 'acme:bo']);
    expect((await client.getUser('acme:ana'))?.totalCost).toBe(9);
    expect((await client.listScores({ userId: 'acme:ana' })).items).toHaveLength(3);
    // Another tenant's user is not found, and none of their figures come through.
    expect(await client.getUser('globex:cy')).toBeNull();
    expect(await client.getUserFigures!({ userIds: ['globex:cy', 'acme:bo'] })).toEqual([
      { userId: 'globex:cy', traceCount: 0 },
      { userId: 'acme:bo', traceCount: 3 },
    ]);
    for (const answer of answers) await expectNoSecrets(answer);
  });

  it("refuses a scores request for another tenant's traces", async () => {
    const { fake } = tenant(null);
    const globexTrace = dataset.traces.find((t) => t.userId === 'globex:cy')!.id;
    const acme = createLangfuseProxy({
      baseUrl: BASE_URL,
      publicKey: PUBLIC_KEY,
      secretKey: SECRET_KEY,
      scope: () => ({ userIdPrefix: 'acme:' }),
      fetch: async (input, init) => fake(new Request(input, init)),
    });
    const response = await acme(new Request(`https://host.example/api/public/v3/scores?traceId=${globexTrace}&fields=subject`));
    expect(response.status).toBe(403);
    await expectNoSecrets(response);
  });
});
