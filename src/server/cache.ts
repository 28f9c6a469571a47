/**
 * A small TTL cache with LRU eviction (a `Map` keeps insertion order; a read re-inserts) and
 * request coalescing: while a key is being fetched, further callers wait for the same promise
 * instead of asking Langfuse again — its metrics endpoint allows as little as 100 requests an
 * hour. Bounded by entries and by characters held, so a burst of large pages cannot grow the
 * host's memory without limit. A `fresh` read (the user pressed Refresh) skips both the entry
 * and any load already under way, starts its own and stores what it gets; callers after it
 * share that newer load, and an older load settling later never overwrites its result.
 */

export interface CachedValue {
  /** Characters held, for the size bound. */
  size: number;
}

export interface TtlCacheOptions {
  ttlMs: number;
  maxEntries: number;
  maxSize: number;
  now?: () => number;
}

export class TtlCache<T extends CachedValue> {
  private readonly entries = new Map<string, { value: T; expires: number; started: number }>();
  private readonly pending = new Map<string, { loading: Promise<T>; started: number }>();
  /** Numbers the loads, so a slower older one cannot replace what a newer one stored. */
  private loads = 0;
  private held = 0;
  private readonly options: TtlCacheOptions;

  constructor(options: TtlCacheOptions) {
    this.options = options;
  }

  /**
   * The cached value, the in-flight one, or a fresh one from `load`; `keep` says whether a
   * loaded value may be cached. `shared` is true when the caller did not start the load.
   * `fresh` skips the cached and the in-flight value; `newest` prefers the in-flight value to
   * the cached one (a refresh that may not start a load of its own still gets the newer answer).
   */
  async get(key: string, load: () => Promise<T>, keep: (value: T) => boolean, mode: 'cached' | 'newest' | 'fresh' = 'cached'): Promise<{ value: T; shared: boolean }> {
    if (mode !== 'fresh') {
      const inFlight = this.pending.get(key);
      if (inFlight && mode === 'newest') return { value: await inFlight.loading, shared: true };
      const hit = this.read(key);
      if (hit) return { value: hit, shared: true };
      if (inFlight) return { value: await inFlight.loading, shared: true };
    }
    const started = ++this.loads;
    const loading = load().finally(() => {
      if (this.pending.get(key)?.started === started) this.pending.delete(key);
    });
    this.pending.set(key, { loading, started });
    const value = await loading;
    if (keep(value)) this.write(key, value, started);
    return { value, shared: false };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private read(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) {
      this.held -= entry.value.size;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  private write(key: string, value: T, started: number): void {
    const { ttlMs, maxEntries, maxSize } = this.options;
    if (ttlMs <= 0 || value.size > maxSize) return;
    const previous = this.entries.get(key);
    if (previous) {
      if (previous.started > started) return;
      this.entries.delete(key);
      this.held -= previous.value.size;
    }
    this.entries.set(key, { value, expires: this.now() + ttlMs, started });
    this.held += value.size;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= maxEntries && this.held <= maxSize) break;
      this.entries.delete(oldest);
      this.held -= entry.value.size;
    }
  }

  /** Entries held (expired ones included until read or evicted); for tests. */
  get size(): number {
    return this.entries.size;
  }
}
