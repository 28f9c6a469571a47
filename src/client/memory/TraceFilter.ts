import { UserlensError } from '../errors.js';
import type { TraceFilters } from '../types.js';
import type { MemoryIndex } from './buildIndex.js';

/** Trace filters compiled to integer checks against the index's dictionaries. */
export class TraceFilter {
  /** No constraint at all: callers skip `passes`. */
  readonly none: boolean;
  private readonly environmentAllowed: Uint8Array | null;
  private readonly requiredTags: number[] | null;
  private readonly metadata: [string, string][] | null;
  private readonly releases: Set<string> | null;
  private readonly index: MemoryIndex;

  constructor(index: MemoryIndex, filters: TraceFilters | undefined) {
    this.index = index;
    const environments = filters?.environments ?? [];
    const tags = filters?.tags ?? [];
    this.environmentAllowed = null;
    this.requiredTags = null;
    if (environments.length > 0) {
      this.environmentAllowed = new Uint8Array(index.environments.length);
      for (const name of environments) {
        const id = index.environments.indexOf(name);
        if (id >= 0) this.environmentAllowed[id] = 1;
      }
    }
    if (tags.length > 0) {
      // An unknown tag keeps its slot as -1, which no trace carries, so nothing passes.
      this.requiredTags = [...new Set(tags)].map((tag) => index.tags.indexOf(tag));
    }
    const metadata = filters?.metadata;
    if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Object.values(metadata).some((value) => typeof value !== 'string'))) {
      throw new UserlensError('invalid_query', 'filters.metadata must be an object of key → text value.', { field: 'filters.metadata' });
    }
    const pairs = metadata ? Object.entries(metadata) : [];
    this.metadata = pairs.length > 0 ? pairs : null;
    this.releases = filters?.releases?.length ? new Set(filters.releases) : null;
    this.none = this.environmentAllowed === null && this.requiredTags === null && this.metadata === null && this.releases === null;
  }

  passes(p: number): boolean {
    if (this.environmentAllowed && this.environmentAllowed[this.index.environment[p]!] !== 1) return false;
    if (this.requiredTags) {
      const { tagOffsets, tagData } = this.index;
      const start = tagOffsets[p]!;
      const end = tagOffsets[p + 1]!;
      for (const tag of this.requiredTags) {
        let found = false;
        for (let i = start; i < end; i++) {
          if (tagData[i] === tag) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
    }
    if (this.releases) {
      const release = this.index.traces[p]!.release;
      if (typeof release !== 'string' || !this.releases.has(release)) return false;
    }
    if (this.metadata) {
      // Read from the record: a filter on metadata is rare, an index of every key would cost every dataset.
      const recorded = this.index.traces[p]!.metadata;
      for (const [key, value] of this.metadata) if (metadataText(recorded, key) !== value) return false;
    }
    return true;
  }
}

/**
 * A trace's metadata value as filters compare it and segments name it: text, or a number or
 * boolean as it prints; `null` without the own key or for any other value.
 */
export function metadataText(metadata: unknown, key: string): string | null {
  if (typeof metadata !== 'object' || metadata === null || !Object.hasOwn(metadata, key)) return null;
  const value = (metadata as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}
