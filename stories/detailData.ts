import { type Dataset, type DatasetObservation, type DatasetScore, type DatasetTrace } from '../src/core.ts';
import { demoEnd } from '../.storybook/demoClient.ts';

const MINUTE = 60_000;

/** One user with `traces` traces over 30 days, each with a generation and a score. */
export function powerUser(userId: string, traces: number) {
  const list: DatasetTrace[] = [];
  const observations: DatasetObservation[] = [];
  const scores: DatasetScore[] = [];
  const span = 30 * 24 * 60 * MINUTE;
  for (let i = 0; i < traces; i++) {
    const at = demoEnd - span + Math.floor((i / traces) * span);
    const id = `power-${i}`;
    list.push({ id, userId, timestamp: new Date(at).toISOString(), name: i % 3 ? 'chat' : 'agent-run', sessionId: `power-session-${Math.floor(i / 6)}`, tags: ['chat'], environment: 'production', input: { messages: [{ role: 'user', content: `Question number ${i}` }] }, output: `Answer ${i}` });
    observations.push({
      id: `${id}-gen`,
      traceId: id,
      type: 'GENERATION',
      startTime: new Date(at).toISOString(),
      endTime: new Date(at + 800 + (i % 17) * 120).toISOString(),
      model: i % 4 ? 'gpt-4o-mini' : 'gpt-4o',
      level: i % 97 === 0 ? 'ERROR' : 'DEFAULT',
      usageDetails: { input: 400 + (i % 50), output: 120 + (i % 30) },
      totalCost: i % 4 ? 0.00012 : 0.0024,
    });
    if (i % 5 === 0) scores.push({ id: `${id}-fb`, traceId: id, name: 'user-feedback', value: i % 10 ? 1 : 0, stringValue: i % 10 ? 'True' : 'False', dataType: 'BOOLEAN', source: 'API', timestamp: new Date(at + MINUTE).toISOString() });
    if (i % 3 === 0) scores.push({ id: `${id}-eval`, traceId: id, name: 'helpfulness', value: 0.5 + ((i % 10) / 20), dataType: 'NUMERIC', source: 'EVAL', timestamp: new Date(at + 2 * MINUTE).toISOString() });
    if (i % 11 === 0) scores.push({ id: `${id}-topic`, traceId: id, name: 'topic', value: i % 3, stringValue: ['billing', 'bug-report', 'how-to'][i % 3]!, dataType: 'CATEGORICAL', source: 'ANNOTATION', timestamp: new Date(at + 3 * MINUTE).toISOString() });
  }
  return { traces: list, observations, scores };
}

export const powerDataset = () => powerUser('power.user@example.com', 10_000);

/** A brand-new user with one trace, a user whose every trace failed. */
export const smallCasesDataset: Dataset = {
  traces: [
    { id: 'new-1', userId: 'new.user@example.com', timestamp: new Date(demoEnd - 20 * MINUTE).toISOString(), name: 'chat', input: 'Hello?', output: 'Hi! How can I help?' },
    ...Array.from({ length: 6 }, (_, i) => ({ id: `err-${i}`, userId: 'failing.user@example.com', timestamp: new Date(demoEnd - (i + 1) * 90 * MINUTE).toISOString(), name: 'agent-run', tags: ['agent'] })),
  ],
  observations: [
    { id: 'new-1-gen', traceId: 'new-1', type: 'GENERATION', startTime: new Date(demoEnd - 20 * MINUTE).toISOString(), endTime: new Date(demoEnd - 20 * MINUTE + 1400).toISOString(), model: 'claude-3-5-haiku', usageDetails: { input: 12, output: 9 }, totalCost: 0.0000456 },
    ...Array.from({ length: 6 }, (_, i) => ({
      id: `err-${i}-gen`,
      traceId: `err-${i}`,
      type: 'GENERATION',
      startTime: new Date(demoEnd - (i + 1) * 90 * MINUTE).toISOString(),
      endTime: new Date(demoEnd - (i + 1) * 90 * MINUTE + 30_000).toISOString(),
      model: 'gpt-4o',
      level: 'ERROR' as const,
      statusMessage: 'Upstream timeout after 30 s',
      usageDetails: { input: 900, output: 0 },
      totalCost: 0.00225,
    })),
  ],
  scores: [],
};

/** A hostile user id whose traces carry markup, a 1 MB output and JSON nested 5,000 deep. */
export function hostileDataset(userId: string): Dataset {
  let nested: unknown = 'bottom';
  for (let i = 0; i < 5000; i++) nested = { level: nested };
  const at = (i: number) => new Date(demoEnd - (i + 1) * 10 * MINUTE).toISOString();
  return {
    traces: [
      { id: 'h-1', userId, timestamp: at(0), name: '<img src=x onerror=alert(1)>', input: '<script>alert("input")</script>', output: { html: '<b>bold?</b>', js: 'javascript:alert(1)' } },
      { id: 'h-2', userId, timestamp: at(1), name: 'huge-output', input: 'Summarize everything', output: 'A'.repeat(1_000_000) },
      { id: 'h-3', userId, timestamp: at(2), name: 'deep-json', input: nested, output: null },
    ],
    // One root span per trace: Langfuse v4 knows a trace by its root observation.
    observations: [0, 1, 2].map((i) => ({ id: `h-${i + 1}-root`, traceId: `h-${i + 1}`, type: 'SPAN', startTime: at(i), endTime: at(i) })),
    scores: [{ id: 'h-s', traceId: 'h-1', name: '<i>score</i>', value: 1, dataType: 'NUMERIC', source: 'API', timestamp: at(0), comment: '<script>alert("comment")</script>' }],
  };
}
