import { expect } from 'vitest';
import { UserlensError, createMemoryClient, type Dataset } from '../../src/core.ts';

/** The UserlensError `createMemoryClient` refuses the dataset with; fails the test when it accepts it. */
export function errorOf(dataset: unknown): UserlensError {
  try {
    createMemoryClient(dataset as Dataset);
  } catch (error) {
    expect(error).toBeInstanceOf(UserlensError);
    return error as UserlensError;
  }
  throw new Error('expected createMemoryClient to throw');
}
