// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, LANGFUSE_ENDPOINTS } from '../../src/server/endpoints.ts';
import { ENDPOINT_FACTS } from '../contract/langfuseFacts.ts';

// The proxy's parameter lists must be Langfuse's, no more (nothing unknown reaches Langfuse) and
// no less (the client may use any of them). Langfuse's side is written down in
// test/contract/langfuseFacts.ts, which specAgreement.test.ts holds against the OpenAPI spec.
describe('proxy parameters against the Langfuse API facts', () => {
  it('the proxy serves exactly the endpoints the facts describe', () => {
    expect([...LANGFUSE_ENDPOINTS].sort()).toEqual(Object.keys(ENDPOINT_FACTS).sort());
  });

  it.each(LANGFUSE_ENDPOINTS)('%s: the same query parameters, arrays where Langfuse has arrays, the same page limit', (path) => {
    const facts = ENDPOINT_FACTS[path];
    const params: Record<string, unknown> = facts.params;
    const definition = ENDPOINTS[path];
    expect([...definition.names].sort()).toEqual(Object.keys(params).sort());
    expect([...(definition.arrays ?? [])].sort()).toEqual(Object.keys(params).filter((name) => params[name] === 'string[]').sort());
    expect(definition.maxLimit).toBe('maxLimit' in facts ? facts.maxLimit : undefined);
  });
});
