import type { Dataset, DatasetObservation, DatasetScore, DatasetTrace } from '../client/dataset.js';
import { HOSTILE_USER_IDS } from './hostileUserIds.js';
import { createIsoTimestamps } from './isoTimestamps.js';
import { Random } from './random.js';

export interface DemoDatasetOptions {
  /** Same seed and options, same dataset, byte for byte. @defaultValue 1 */
  seed?: number;
  /** Number of users (hostile ids come on top). @defaultValue 120 */
  users?: number;
  /** Approximate number of traces in all; usage per user is heavy-tailed. @defaultValue users × 12 */
  traces?: number;
  /** Days of history before `end`. @defaultValue 30 */
  days?: number;
  /**
   * End of the history (exclusive). By default the start of the current hour, so every view's
   * default range has data on any day; pass it (with `seed`) for data that is the same byte for
   * byte on every run, as tests and screenshots need. @defaultValue the start of the current hour
   */
  end?: string | number | Date;
  /** Adds users whose ids are markup, bidi overrides, URL-significant characters, 200 characters long, emoji, whitespace. @defaultValue false */
  hostileIds?: boolean;
  /** Adds trace input and output (chat messages). Turn off for large benchmark datasets. @defaultValue true */
  payloads?: boolean;
}

/** A model with its list prices, USD per million tokens. */
interface ModelPrice {
  name: string;
  input: number;
  output: number;
}

export const DEMO_MODELS: readonly ModelPrice[] = [
  { name: 'gpt-4o', input: 2.5, output: 10 },
  { name: 'gpt-4o-mini', input: 0.15, output: 0.6 },
  { name: 'claude-3-5-sonnet', input: 3, output: 15 },
  { name: 'claude-3-5-haiku', input: 0.8, output: 4 },
  { name: 'gemini-1.5-flash', input: 0.075, output: 0.3 },
];

const EMBEDDING_MODEL: ModelPrice = { name: 'text-embedding-3-small', input: 0.02, output: 0 };

interface Workflow {
  name: string;
  /** Model weights for this workflow's generations. */
  models: readonly (readonly [ModelPrice, number])[];
  generations: readonly [number, number];
  retrieval: boolean;
  tags: readonly string[];
}

const [GPT4O, GPT4O_MINI, SONNET, HAIKU, FLASH] = DEMO_MODELS as [ModelPrice, ModelPrice, ModelPrice, ModelPrice, ModelPrice];

const WORKFLOWS: readonly (readonly [Workflow, number])[] = [
  [{ name: 'chat-completion', models: [[GPT4O_MINI, 5], [GPT4O, 2], [HAIKU, 2]], generations: [1, 2], retrieval: false, tags: ['chat'] }, 45],
  [{ name: 'rag-query', models: [[GPT4O, 3], [SONNET, 2], [FLASH, 1]], generations: [1, 2], retrieval: true, tags: ['rag'] }, 30],
  [{ name: 'agent-run', models: [[SONNET, 3], [GPT4O, 2]], generations: [2, 5], retrieval: false, tags: ['agent'] }, 15],
  [{ name: 'summarize-document', models: [[FLASH, 3], [HAIKU, 2]], generations: [1, 1], retrieval: false, tags: ['batch'] }, 10],
];

const FIRST_NAMES = ['ana', 'bruno', 'chen', 'dara', 'elif', 'farah', 'gus', 'hana', 'ivan', 'jules', 'kofi', 'lena', 'mateo', 'nia', 'omar', 'priya', 'quinn', 'rosa', 'sven', 'tara', 'uma', 'vik', 'wen', 'yusuf', 'zoe'];
const LAST_NAMES = ['silva', 'novak', 'okafor', 'larsen', 'tanaka', 'haddad', 'moreau', 'kowalski', 'reyes', 'fischer', 'nguyen', 'rossi', 'ahmed', 'berg', 'costa'];
const DOMAINS = ['example.com', 'acme.io', 'globex.dev', 'initech.org'];
const QUESTIONS = [
  'How do I rotate my API key?',
  'Summarize the attached quarterly report in five bullet points.',
  'Why was my invoice higher this month?',
  'Draft a polite reply declining the meeting.',
  'What does error E1042 mean when syncing?',
  'Translate this paragraph into Spanish.',
  'Find the clause about termination in the contract.',
  'Write a SQL query that lists churned customers.',
];
const ANSWERS = [
  'Here is a step-by-step guide.',
  'Sure — the short version is below.',
  'I could not find that in the documents you shared.',
  'The main driver was a 3× increase in usage on the 14th.',
];
const ERROR_MESSAGES = ['Rate limit exceeded (429) from provider', 'Upstream timeout after 30 s', 'Tool call failed: invalid JSON arguments', 'Context length exceeded'];
const TOPICS = ['billing', 'bug-report', 'how-to', 'feature-request'];
const EXTRA_TAGS = ['beta', 'mobile', 'enterprise'];
const PLANS = [
  ['free', 6],
  ['pro', 3],
  ['enterprise', 1],
] as const;
const REGIONS = ['eu', 'us', 'apac'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Deterministic, realistic demo data in Langfuse's shapes: heavy-tailed usage (a few power
 * users, a long tail), several models at list prices, multi-turn sessions, ~3 % of traces with
 * an ERROR observation, log-normal latencies, BOOLEAN feedback, a NUMERIC 0–1 eval and a
 * CATEGORICAL label on traces, a BOOLEAN `resolved` on some conversations (a session-level
 * score), two environments, tags, and each user's `plan` and `region` in trace metadata.
 *
 * @example
 * const client = createMemoryClient(generateDemoDataset({ seed: 7, users: 500, hostileIds: true }));
 */
export function generateDemoDataset(options: DemoDatasetOptions = {}): Required<Dataset> {
  const seed = options.seed ?? 1;
  const userCount = options.users ?? 120;
  const targetTraces = options.traces ?? userCount * 12;
  const days = options.days ?? 30;
  const endMs = options.end === undefined ? Math.floor(Date.now() / HOUR) * HOUR : new Date(options.end).getTime();
  const payloads = options.payloads ?? true;
  if (!Number.isFinite(endMs)) throw new RangeError(`[userlens] generateDemoDataset: end must be a date, got ${String(options.end)}.`);
  if (!(days > 0) || !Number.isFinite(days)) throw new RangeError(`[userlens] generateDemoDataset: days must be a number above 0, got ${String(options.days)}.`);
  if (!Number.isInteger(userCount) || userCount < 0) throw new RangeError(`[userlens] generateDemoDataset: users must be a whole number ≥ 0, got ${String(options.users)}.`);
  const random = new Random(seed);
  const iso = createIsoTimestamps();

  const userIds = makeUserIds(random, userCount);
  if (options.hostileIds) userIds.push(...HOSTILE_USER_IDS);
  // Heavy tail: Pareto weights, so a handful of users carry a large share of the traffic.
  const weights = userIds.map(() => random.pareto(1.16));
  const weightSum = weights.reduce((sum, w) => sum + w, 0);

  // Each user's plan and region, as a host's app records them in trace metadata. Drawn from a
  // stream of their own, so every other record stays what it was.
  const metadataRandom = new Random(seed + 0x3e7a);
  const userMetadata = new Map(userIds.map((userId) => [userId, { plan: metadataRandom.weighted(PLANS), region: metadataRandom.pick(REGIONS) }]));

  const traces: DatasetTrace[] = [];
  const observations: DatasetObservation[] = [];
  const scores: DatasetScore[] = [];
  const ids = { trace: 0, observation: 0, score: 0, session: 0 };
  const conversations: { sessionId: string; lastMs: number; environment: string }[] = [];
  const historyMs = days * DAY;

  userIds.forEach((userId, u) => {
    const traceBudget = Math.max(1, Math.round((targetTraces * weights[u]!) / weightSum));
    // Some users joined recently: their history starts later in the window.
    const joinedMs = endMs - historyMs * (random.chance(0.25) ? random.next() : 1);
    const environment = random.chance(0.12) ? 'staging' : 'production';
    const userTag = random.chance(0.2) ? random.pick(EXTRA_TAGS) : null;
    let made = 0;
    while (made < traceBudget) {
      const turns = Math.min(traceBudget - made, Math.floor(random.pareto(1.6)) + random.int(0, 3));
      const sessionId = turns > 1 || random.chance(0.6) ? `session-${seed}-${(ids.session++).toString(36).padStart(6, '0')}` : null;
      // Clamped inside the history, so the first turn of every session always fits.
      let at = Math.min(endMs - 1, joinedMs + random.next() * Math.max(0, endMs - joinedMs - HOUR));
      const workflow = random.weighted(WORKFLOWS);
      // Later turns stop at the end of the history.
      let lastMs = at;
      let turn = 0;
      for (; turn < turns && at < endMs; turn++) {
        addTrace(userId, sessionId, workflow, environment, userTag, Math.floor(at));
        made++;
        lastMs = at;
        at += 20_000 + random.logNormal(90_000, 0.8);
      }
      if (sessionId && turn > 1) conversations.push({ sessionId, lastMs: Math.floor(lastMs), environment });
    }
  });

  // Some conversations are rated as a whole (a score on the session, on no trace). Drawn from a
  // stream of their own, so the traces, observations and trace scores stay what they were.
  const sessionRandom = new Random(seed + 0x5e55);
  for (const { sessionId, lastMs, environment } of conversations) {
    if (!sessionRandom.chance(0.4)) continue;
    const resolved = sessionRandom.chance(0.7);
    const row = score(null, 'resolved', 'BOOLEAN', 'API', resolved ? 1 : 0, resolved ? 'True' : 'False', iso(Math.min(endMs, lastMs + sessionRandom.int(60_000, 1_800_000))), null, environment);
    row.sessionId = sessionId;
    scores.push(row);
  }

  function addTrace(
    userId: string,
    sessionId: string | null,
    workflow: Workflow,
    environment: string,
    userTag: string | null,
    timestampMs: number,
  ) {
    const traceId = `trace-${seed}-${(ids.trace++).toString(36).padStart(7, '0')}`;
    const question = random.pick(QUESTIONS);
    const answer = random.pick(ANSWERS);
    const tags = userTag ? [...workflow.tags, userTag] : [...workflow.tags];
    traces.push({
      id: traceId,
      timestamp: iso(timestampMs),
      name: workflow.name,
      userId,
      sessionId,
      // A rollout: the last ten days run the new release.
      release: timestampMs < endMs - 10 * DAY ? 'v2.13.2' : 'v2.14.0',
      version: null,
      tags,
      public: false,
      environment,
      metadata: { ...userMetadata.get(userId)! },
      ...(payloads ? chatPayload(ids.trace, question, answer) : { input: null, output: null }),
    });

    const failing = random.chance(0.03);
    const warning = !failing && random.chance(0.05);
    const rootId = nextObservationId();
    const steps: DatasetObservation[] = [];
    let cursor = timestampMs + random.int(2, 40);
    if (workflow.retrieval) {
      const duration = random.logNormal(180, 0.5);
      const tokens = random.int(12, 60);
      steps.push(observation(traceId, rootId, 'GENERATION', 'embed-query', cursor, duration, environment, EMBEDDING_MODEL, tokens, 0));
      cursor += duration;
      const search = random.logNormal(120, 0.6);
      steps.push(observation(traceId, rootId, 'SPAN', 'vector-search', cursor, search, environment, null, 0, 0));
      cursor += search;
    }
    const generations = random.int(workflow.generations[0], workflow.generations[1]);
    for (let g = 0; g < generations; g++) {
      const model = random.weighted(workflow.models);
      const input = Math.round(random.logNormal(workflow.retrieval ? 2200 : 700, 0.7));
      const output = Math.round(random.logNormal(260, 0.6));
      const duration = random.logNormal(1100, 0.55) + output * 8;
      steps.push(observation(traceId, rootId, 'GENERATION', `${workflow.name}-llm`, cursor, duration, environment, model, input, output));
      cursor += duration;
      if (workflow.name === 'agent-run' && random.chance(0.5)) {
        steps.push(observation(traceId, rootId, 'EVENT', 'tool-call', cursor, 0, environment, null, 0, 0));
      }
    }
    if (random.chance(0.5)) {
      const duration = random.logNormal(15, 0.5);
      steps.push(observation(traceId, rootId, 'SPAN', 'format-response', cursor, duration, environment, null, 0, 0));
      cursor += duration;
    }
    if (failing || warning) {
      const step = random.pick(steps);
      step.level = failing ? 'ERROR' : 'WARNING';
      step.statusMessage = failing ? random.pick(ERROR_MESSAGES) : 'Retried after a transient provider error';
    }
    const root = observation(traceId, null, 'SPAN', workflow.name, timestampMs, cursor - timestampMs + random.int(1, 30), environment, null, 0, 0);
    root.id = rootId;
    observations.push(root, ...steps);

    // A score comes after its trace, but never after the dataset's end: no event lies in the future.
    const scoredAt = (offset: number) => iso(Math.min(endMs, timestampMs + offset));
    if (random.chance(0.25)) {
      const up = random.chance(failing ? 0.2 : 0.78);
      scores.push(score(traceId, 'user-feedback', 'BOOLEAN', 'API', up ? 1 : 0, up ? 'True' : 'False', scoredAt(random.int(5_000, 600_000)), random.chance(0.15) ? (up ? 'Exactly what I needed' : 'Wrong answer, had to redo it') : null, environment));
    }
    if (random.chance(0.35)) {
      const value = Math.round(Math.min(1, Math.max(0, (failing ? 0.35 : 0.78) + 0.15 * random.normal())) * 100) / 100;
      scores.push(score(traceId, 'helpfulness', 'NUMERIC', 'EVAL', value, null, scoredAt(random.int(30_000, 3_600_000)), null, environment));
    }
    if (random.chance(0.1)) {
      const topic = random.pick(TOPICS);
      scores.push(score(traceId, 'topic', 'CATEGORICAL', 'ANNOTATION', TOPICS.indexOf(topic), topic, scoredAt(random.int(DAY / 24, DAY)), null, environment));
    }
  }

  function nextObservationId() {
    return `obs-${seed}-${(ids.observation++).toString(36).padStart(8, '0')}`;
  }

  function observation(
    traceId: string,
    parentObservationId: string | null,
    type: string,
    name: string,
    startMs: number,
    durationMs: number,
    environment: string,
    model: ModelPrice | null,
    inputTokens: number,
    outputTokens: number,
  ): DatasetObservation {
    const start = Math.floor(startMs);
    const isGeneration = model !== null;
    const inputCost = isGeneration ? round((inputTokens * model.input) / 1e6) : 0;
    const outputCost = isGeneration ? round((outputTokens * model.output) / 1e6) : 0;
    return {
      id: nextObservationId(),
      traceId,
      type,
      name,
      startTime: iso(start),
      endTime: type === 'EVENT' ? null : iso(start + Math.round(durationMs)),
      completionStartTime: null,
      model: model?.name ?? null,
      modelParameters: null,
      input: null,
      output: null,
      version: null,
      metadata: null,
      level: 'DEFAULT',
      statusMessage: null,
      parentObservationId,
      promptId: null,
      environment,
      usageDetails: isGeneration ? { input: inputTokens, output: outputTokens, total: inputTokens + outputTokens } : {},
      costDetails: isGeneration ? { input: inputCost, output: outputCost, total: round(inputCost + outputCost) } : {},
      totalCost: isGeneration ? round(inputCost + outputCost) : null,
    };
  }

  function score(
    traceId: string | null,
    name: string,
    dataType: DatasetScore['dataType'],
    source: DatasetScore['source'],
    value: number,
    stringValue: string | null,
    timestamp: string,
    comment: string | null,
    environment: string,
  ): DatasetScore {
    const row: DatasetScore = {
      id: `score-${seed}-${(ids.score++).toString(36).padStart(7, '0')}`,
      traceId,
      observationId: null,
      sessionId: null,
      name,
      value,
      dataType,
      source,
      timestamp,
      createdAt: timestamp,
      updatedAt: timestamp,
      authorUserId: null,
      comment,
      metadata: null,
      configId: null,
      queueId: null,
      environment,
    };
    // Set afterwards rather than spread in: a conditional spread measured ~3 µs a score.
    if (stringValue !== null) row.stringValue = stringValue;
    return row;
  }

  return { traces, observations, scores };
}

/** USD to 10 decimals: keeps prices exact enough and the JSON short. */
function round(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}

function makeUserIds(random: Random, count: number): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  while (ids.length < count) {
    const kind = random.next();
    let id: string;
    if (kind < 0.55) {
      id = `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}@${random.pick(DOMAINS)}`;
    } else if (kind < 0.85) {
      id = `usr_${random.hex(10)}`;
    } else {
      id = String(random.int(100_000, 9_999_999));
    }
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

const SYSTEM_PROMPT = 'You are a concise assistant for the Acme support team. Answer from the knowledge base and cite it.';

/**
 * A trace's input and output in one of the shapes SDKs record, chosen by the trace's number (no
 * random draw, so every other figure of a seed stays as it was): OpenAI chat with a system
 * prompt, OpenAI content parts and `choices`, Anthropic blocks, Gemini `contents`/`candidates`,
 * a follow-up turn, and a payload that is not a chat at all.
 */
function chatPayload(n: number, question: string, answer: string): { input: unknown; output: unknown } {
  switch (n % 6) {
    case 0:
      return {
        input: { messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: question }] },
        output: { role: 'assistant', content: answer },
      };
    case 1:
      return {
        input: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: [{ type: 'text', text: question }] }],
        output: { choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }] },
      };
    case 2:
      return {
        input: { system: SYSTEM_PROMPT, messages: [{ role: 'user', content: [{ type: 'text', text: question }] }] },
        output: { role: 'assistant', content: [{ type: 'text', text: answer }] },
      };
    case 3:
      return {
        input: { contents: [{ role: 'user', parts: [{ text: question }] }] },
        output: { candidates: [{ content: { role: 'model', parts: [{ text: answer }] }, finishReason: 'STOP' }] },
      };
    case 4:
      return {
        input: {
          messages: [
            { role: 'user', content: 'Can you help me with something about our account?' },
            { role: 'assistant', content: 'Of course. What would you like to know?' },
            { role: 'user', content: question },
          ],
        },
        output: { role: 'assistant', content: answer },
      };
    default:
      return { input: { query: question, top_k: 5, filters: { language: 'en' } }, output: { answer, sources: 3 } };
  }
}
