// The example's records: the demo data split between two customers of the host's product, as a
// multi-tenant app records them — each user id starts with its tenant (`acme:…`), so the proxy
// confines a signed-in admin to their tenant with `userIdPrefix`.
import { generateDemoDataset } from 'userlens/testing';

export const TENANTS = {
  acme: { name: 'Acme Corp' },
  globex: { name: 'Globex' },
};

export function tenantDataset(end = Date.now()) {
  const base = generateDemoDataset({ seed: 7, users: 160, end });
  const tenantOf = new Map();
  for (const trace of base.traces) {
    if (trace.userId && !tenantOf.has(trace.userId)) tenantOf.set(trace.userId, tenantOf.size % 2 === 0 ? 'acme' : 'globex');
  }
  return {
    ...base,
    traces: base.traces.map((trace) => (trace.userId ? { ...trace, userId: `${tenantOf.get(trace.userId)}:${trace.userId}` } : trace)),
  };
}
