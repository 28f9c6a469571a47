/**
 * Loads shared by several callers: one request for everyone who asks for the same key while it
 * runs or within `ttlMs` after, so parts of a view that show the same data cost one request.
 * The shared request aborts only when every caller waiting on it has aborted; failures are not
 * kept. Hand-written because it is small and TanStack Query's cache sits above the client,
 * keyed per method, while these loads are shared across methods.
 */

interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
  settledAt: number | null;
}

export class SharedLoads<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    let entry = this.#entries.get(key);
    if (entry && entry.settledAt !== null && this.now() - entry.settledAt > this.ttlMs) {
      this.#entries.delete(key);
      entry = undefined;
    }
    if (entry) {
      // Most recently used last, so eviction drops the oldest.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    } else {
      entry = this.#start(key, load);
    }
    return this.#wait(key, entry, signal);
  }

  clear(): void {
    this.#entries.clear();
  }

  #start(key: string, load: (signal: AbortSignal) => Promise<T>): Entry<T> {
    const controller = new AbortController();
    const entry: Entry<T> = { promise: load(controller.signal), controller, waiting: 0, settledAt: null };
    entry.promise.then(
      () => (entry.settledAt = this.now()),
      () => this.#entries.get(key) === entry && this.#entries.delete(key),
    );
    this.#entries.set(key, entry);
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry;
  }

  #wait(key: string, entry: Entry<T>, signal: AbortSignal | undefined): Promise<T> {
    entry.waiting++;
    if (!signal) {
      // A caller that cannot abort keeps the load alive until it settles.
      const done = () => void entry.waiting--;
      entry.promise.then(done, done);
      return entry.promise;
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        entry.waiting--;
        if (entry.waiting === 0 && entry.settledAt === null) {
          entry.controller.abort(signal.reason);
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          entry.waiting--;
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          entry.waiting--;
          reject(error);
        },
      );
    });
  }
}
