import type { UserProfile, UserProfilesLoader } from '../client/types.js';
import { abortableDelay } from '../client/abortableDelay.js';

export interface DemoProfilesOptions {
  /** Share of ids the host "does not know" (left out of the answer), in [0, 1]. @defaultValue 0.1 */
  unknownShare?: number;
  /** ms each lookup takes, to show names arriving after the figures. @defaultValue 0 */
  delayMs?: number;
}

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Dennis', 'Frances', 'Ken', 'Radia', 'Tim', 'Hedy', 'Kateryna', 'Søren', 'Aiyana', 'Chen', 'Priya', 'Olusegun', 'Mei', 'Diego'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Ritchie', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee', 'Lamarr', 'Yushchenko', 'Kierkegaard', 'Begay', 'Wei', 'Raman', 'Obi', 'Zhang', 'Alvarez'];
const ORGANISATIONS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Analytics'];
const PLANS = ['free', 'team', 'enterprise'] as const;

/**
 * The demo host's record of one user: a name, an email, an organisation and a plan, derived from
 * the id alone so every story, test and screenshot agrees; `undefined` for the share of ids the
 * host "does not know".
 */
export function demoProfile(userId: string, unknownShare = 0.1): UserProfile | undefined {
  const hash = fnv1a(userId);
  if ((hash % 1000) / 1000 < unknownShare) return undefined;
  const first = FIRST[(hash >>> 3) % FIRST.length]!;
  const last = LAST[(hash >>> 9) % LAST.length]!;
  const organisation = ORGANISATIONS[(hash >>> 15) % ORGANISATIONS.length]!;
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}@${organisation.split(' ')[0]!}.example`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
    organisation,
    plan: PLANS[(hash >>> 21) % PLANS.length]!,
  };
}

/**
 * A `getUserProfiles` for stories and tests: answers from `demoProfile`, after `delayMs`,
 * honouring the signal.
 *
 * @example
 * <UserTrackingProvider client={client} getUserProfiles={createDemoProfiles()}>
 */
export function createDemoProfiles(options: DemoProfilesOptions = {}): UserProfilesLoader {
  const { unknownShare = 0.1, delayMs = 0 } = options;
  return async (userIds, { signal }) => {
    await abortableDelay(delayMs, signal);
    // No prototype: an id such as `__proto__` is a key like any other.
    const answer = Object.create(null) as Record<string, UserProfile | undefined>;
    for (const userId of userIds) {
      const profile = demoProfile(userId, unknownShare);
      if (profile) answer[userId] = profile;
    }
    return answer;
  };
}

/** FNV-1a over UTF-16 units: a stable, well-spread hash of an id (no dependency for a dozen lines). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
