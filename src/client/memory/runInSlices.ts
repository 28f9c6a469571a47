import type { Dataset } from '../dataset.js';
import type { LoadProgress } from '../types.js';
import { STEP, buildIndexSteps, type MemoryIndex } from './buildIndex.js';
import { memoryClient, memoryOptions, type MemoryClient } from './createMemoryClient.js';
import type { LoadMemoryClientOptions } from './loadMemoryClient.js';

/** `loadMemoryClient`'s body: options checked as `caller`'s, the index built in slices, the client over it. */
export async function loadClient(dataset: Dataset, options: LoadMemoryClientOptions, caller: string): Promise<MemoryClient> {
  const checked = memoryOptions(options, caller);
  return memoryClient(await loadIndex(dataset, options), checked);
}

/** The memory client's index, built in slices (sorts included) between which the event loop runs. */
export function loadIndex(dataset: Dataset, { onProgress, signal }: LoadMemoryClientOptions): Promise<MemoryIndex> {
  return runInSlices(buildIndexSteps(dataset, sortInSteps), onProgress, signal);
}

/** Work per slice, ms: a step overshoots it by a few ms at most, so no task nears the 50 ms of a long task. */
const SLICE_MS = 12;

/**
 * Runs `steps` to the end, a slice of about `SLICE_MS` at a time, handing the event loop back
 * between slices so input, rendering and the page's own tasks go on. Resolves with the steps'
 * result; reports the latest progress after each slice; rejects with the error a step throws,
 * or with `signal`'s reason once it aborts.
 */
export function runInSlices<T>(steps: Generator<LoadProgress | void, T, void>, onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // The next slice runs in a new task: setImmediate where there is one (Node, whose
    // MessagePort runs a message posted from a message's handler before any timer), else a
    // MessageChannel message (browsers: a task at once, where setTimeout(0) waits ≥ 4 ms once
    // nested), as React's scheduler does. scheduler.yield() would let a slice's continuation
    // jump the queue, but most engines lack it.
    const { setImmediate: immediate } = globalThis as { setImmediate?: (callback: () => void) => unknown };
    let next: () => void;
    let close = () => {};
    if (immediate) next = () => immediate(slice);
    else if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = slice;
      next = () => channel.port2.postMessage(null);
      close = () => channel.port1.close();
    } else next = () => setTimeout(slice, 0);

    let latest: LoadProgress | undefined;
    function slice() {
      try {
        if (signal?.aborted) throw signal.reason;
        const end = performance.now() + SLICE_MS;
        do {
          const step = steps.next();
          if (step.done) {
            close();
            // The last report says done === total, an empty dataset's included.
            onProgress?.(latest ?? { phase: 'index', done: 0, total: 0 });
            return resolve(step.value);
          }
          latest = step.value || latest;
        } while (performance.now() < end);
        if (latest) onProgress?.(latest);
        next();
      } catch (error) {
        close();
        reject(error);
      }
    }
    next();
  });
}

/**
 * Sorts as `items.sort(compare)` does (stably), in steps: runs of `STEP` entries sorted at once,
 * then merged `STEP` entries at a time. A merge sort by hand because the built-in sort cannot
 * pause, and sorting a hundred thousand entries at once holds a browser's main thread too long.
 */
export function* sortInSteps(items: Int32Array, compare: (a: number, b: number) => number): Generator<void, Int32Array, void> {
  const n = items.length;
  if (n <= STEP) return items.sort(compare);
  for (let from = 0; from < n; from += STEP) {
    items.subarray(from, from + STEP).sort(compare);
    yield;
  }
  let source = items;
  let target: Int32Array = new Int32Array(n);
  for (let width = STEP; width < n; width *= 2) {
    for (let from = 0; from < n; from += 2 * width) {
      const merge = { a: from, b: Math.min(from + width, n), middle: Math.min(from + width, n), to: Math.min(from + 2 * width, n), k: from };
      while (mergeSome(source, target, merge, compare)) yield;
    }
    [source, target] = [target, source];
  }
  return source;
}

interface Merge {
  a: number;
  b: number;
  middle: number;
  to: number;
  k: number;
}

/** Merges up to `STEP` more entries of `source[a..middle)` and `source[b..to)` into `target` from `k`; whether any are left. */
function mergeSome(source: Int32Array, target: Int32Array, merge: Merge, compare: (a: number, b: number) => number): boolean {
  let { a, b, k } = merge;
  const { middle, to } = merge;
  const end = Math.min(to, k + STEP);
  while (k < end) target[k++] = a < middle && (b >= to || compare(source[a]!, source[b]!) <= 0) ? source[a++]! : source[b++]!;
  Object.assign(merge, { a, b, k });
  return k < to;
}
