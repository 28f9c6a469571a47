import type { TraceFilters } from '../types.js';
import type { MemoryIndex } from './buildIndex.js';

/** Trace filters compiled to integer checks against the index's dictionaries. */
export class TraceFilter {
  /** No constraint at all: callers skip `passes`. */
  readonly none: boolean;
  private readonly environmentAllowed: Uint8Array | null;
  private readonly requiredTags: number[] | null;
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
    this.none = this.environmentAllowed === null && this.requiredTags === null;
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
    return true;
  }
}
