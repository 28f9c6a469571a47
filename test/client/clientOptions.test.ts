// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { UserlensError, createLangfuseClient, createMemoryClient, isPermanentError, type LangfuseClientOptions } from '../../src/core.ts';

describe('clients — bad options are refused at creation as invalid_options', () => {
  it.each([
    [{} as LangfuseClientOptions, 'baseUrl'],
    [{ baseUrl: '' }, 'baseUrl'],
    [{ baseUrl: '/api/userlens', api: 'v5' } as unknown as LangfuseClientOptions, 'api'],
    [{ baseUrl: '/api/userlens', maxPagesPerList: 0 }, 'maxPagesPerList'],
  ])('createLangfuseClient(%j) names %s', (options, field) => {
    expect(() => createLangfuseClient(options)).toThrow(expect.objectContaining({ code: 'invalid_options', field }));
  });

  it.each([
    [{ maxPageSize: 0 }, 'maxPageSize', 'maxPageSize must be a whole number ≥ 1, got 0'],
    [{ maxPageSize: Number.NaN }, 'maxPageSize', 'maxPageSize must be a whole number ≥ 1, got NaN'],
    [{ maxPageSize: 2.5 }, 'maxPageSize', 'maxPageSize must be a whole number ≥ 1, got 2.5'],
    [{ latencyMs: -1 }, 'latencyMs', 'latencyMs must be a finite number of ms ≥ 0, got -1'],
    [{ latencyMs: Number.POSITIVE_INFINITY }, 'latencyMs', 'latencyMs must be a finite number of ms ≥ 0, got Infinity'],
  ])('createMemoryClient(dataset, %j) names %s', (options, field, message) => {
    expect(() => createMemoryClient({ traces: [] }, options)).toThrow(expect.objectContaining({ code: 'invalid_options', field, message: expect.stringContaining(message) }));
  });

  it('keeps the options it accepts: the page cap a client declares is the one it was given', () => {
    expect(createMemoryClient({ traces: [] }, { maxPageSize: 1, latencyMs: 0 }).capabilities.maxPageSize).toBe(1);
  });

  it('counts bad options and missing methods as permanent: asking again gives the same answer', () => {
    expect(isPermanentError(new UserlensError('invalid_options', 'x'))).toBe(true);
    expect(isPermanentError(new UserlensError('unsupported', 'x'))).toBe(true);
    expect(isPermanentError(new UserlensError('network', 'x'))).toBe(false);
  });
});
