import { describe, expect, it } from 'vitest';
import { createMemoryClient } from '../../src/core.ts';
import { errorOf } from './datasetError.ts';

const trace = { id: 't1', timestamp: '2026-01-01T00:00:00.000Z', userId: 'ana' };
const observation = { id: 'o1', traceId: 't1', startTime: '2026-01-01T00:00:00.000Z' };
const score = { id: 's1', traceId: 't1', name: 'quality', value: 1, dataType: 'NUMERIC', source: 'API', timestamp: '2026-01-01T00:00:00.000Z' };


describe('createMemoryClient — validation', () => {
  it.each([
    ['no traces array', {}, 'expected { traces: [...]'],
    ['observations not an array', { traces: [], observations: {} }, '"observations" must be an array'],
  ])('refuses a dataset with %s', (_, dataset, message) => {
    const error = errorOf(dataset);
    expect(error.code).toBe('invalid_dataset');
    expect(error.message).toContain(message);
  });

  it.each([
    ['a non-object trace', { traces: [trace, 42] }, 'traces[1]', undefined, 'the record must be an object, got 42 (number)'],
    ['a trace without id', { traces: [{ ...trace, id: '' }] }, 'traces[0]', 'id', 'field "id" must be a non-empty string'],
    ['a duplicate trace id', { traces: [trace, trace] }, 'traces[1] (id "t1")', 'id', 'unique among traces (records 0 and 1 share it)'],
    ['a bad trace timestamp', { traces: [{ ...trace, timestamp: '01/02/2026' }] }, 'traces[0] (id "t1")', 'timestamp', 'must be an ISO-8601 date-time string, got "01/02/2026" (string)'],
    ['an impossible date', { traces: [{ ...trace, timestamp: '2026-02-30T00:00:00.000Z' }] }, 'traces[0] (id "t1")', 'timestamp', 'ISO-8601'],
    ['a numeric userId', { traces: [{ ...trace, userId: 7 }] }, 'traces[0] (id "t1")', 'userId', 'must be a string or null, got 7 (number)'],
    ['a 201-character userId', { traces: [{ ...trace, userId: 'x'.repeat(201) }] }, 'traces[0] (id "t1")', 'userId', 'at most 200 characters'],
    ['tags that are not strings', { traces: [{ ...trace, tags: ['ok', 3] }] }, 'traces[0] (id "t1")', 'tags.1', 'must be a string'],
    ['an observation without startTime', { traces: [trace], observations: [{ ...observation, startTime: undefined }] }, 'observations[0] (id "o1")', 'startTime', 'ISO-8601'],
    ['an unknown level', { traces: [trace], observations: [{ ...observation, level: 'FATAL' }] }, 'observations[0] (id "o1")', 'level', 'one of DEBUG, DEFAULT, WARNING, ERROR, got "FATAL"'],
    ['a token count given as a string', { traces: [trace], observations: [{ ...observation, usageDetails: { input: '12' } }] }, 'observations[0] (id "o1")', 'usageDetails.input', 'a finite number from 0 to 1e12 (tokens), got "12" (string)'],
    ['a negative token count', { traces: [trace], observations: [{ ...observation, usageDetails: { output: -1 } }] }, 'observations[0] (id "o1")', 'usageDetails.output', 'a finite number from 0 to 1e12 (tokens), got -1 (number)'],
    ['a NaN cost', { traces: [trace], observations: [{ ...observation, totalCost: Number.NaN }] }, 'observations[0] (id "o1")', 'totalCost', 'a finite number from 0 to 1e9 (USD), got NaN'],
    ['costDetails as an array', { traces: [trace], observations: [{ ...observation, costDetails: [1] }] }, 'observations[0] (id "o1")', 'costDetails', 'an object of numbers, got an array'],
    ['a duplicate observation', { traces: [trace], observations: [observation, { ...observation }] }, 'observations[1] (id "o1")', 'id', 'unique among observations (records 0 and 1 share it)'],
    ['an unknown score data type', { traces: [trace], scores: [{ ...score, dataType: 'STARS' }] }, 'scores[0] (id "s1")', 'dataType', 'one of NUMERIC, BOOLEAN, CATEGORICAL, CORRECTION, TEXT'],
    ['an unknown score source', { traces: [trace], scores: [{ ...score, source: 'USER' }] }, 'scores[0] (id "s1")', 'source', 'one of API, ANNOTATION, EVAL'],
    ['a boolean score of 2', { traces: [trace], scores: [{ ...score, dataType: 'BOOLEAN', value: 2 }] }, 'scores[0] (id "s1")', 'value', '0 or 1 for a BOOLEAN score'],
    ['a numeric score without value', { traces: [trace], scores: [{ ...score, value: null }] }, 'scores[0] (id "s1")', 'value', 'a finite number for a NUMERIC score'],
    ['a score without name', { traces: [trace], scores: [{ ...score, name: undefined }] }, 'scores[0] (id "s1")', 'name', 'must be a string'],
    ['a duplicate score', { traces: [trace], scores: [score, score] }, 'scores[1] (id "s1")', 'id', 'unique among scores'],
  ])('names the record, id and field of %s', (_, dataset, where, field, message) => {
    const error = errorOf(dataset);
    expect(error.code).toBe('invalid_dataset');
    expect(error.field).toBe(field);
    expect(error.message).toContain(`Invalid dataset: ${where}`);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/Fix or drop that record before calling createMemoryClient\.$/);
  });

  it('accepts a TEXT score without a value and ignores it in score summaries', async () => {
    const client = createMemoryClient({
      traces: [trace],
      scores: [{ ...score, dataType: 'TEXT', value: undefined, stringValue: 'free text' } as never],
    });
    expect((await client.getUser('ana'))?.scores).toEqual([]);
    expect((await client.listScores({ userId: 'ana' })).items[0]).toMatchObject({ dataType: 'TEXT', value: null, stringValue: 'free text' });
  });

  it('accepts Langfuse records as exported, extra fields included', () => {
    const exported = {
      ...trace,
      name: 'chat',
      sessionId: null,
      release: null,
      version: null,
      metadata: { a: 1 },
      tags: [],
      public: false,
      environment: 'default',
      htmlPath: '/project/x/traces/t1',
      latency: 1.2,
      totalCost: 0.1,
      observations: ['o1'],
      scores: [],
    };
    expect(() => createMemoryClient({ traces: [exported] })).not.toThrow();
  });
});
