import { UserlensError } from '../errors.js';

/** What an export file's content can be handed over as. */
export type ExportBody = string | Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array> | Response;

/** The size in bytes when it is known before reading (a `Blob`, a string's UTF-16 length as an estimate). */
export function knownSize(body: ExportBody): number | null {
  if (typeof body === 'string') return body.length;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return body.byteLength;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.size;
  if (typeof Response !== 'undefined' && body instanceof Response) {
    const length = Number(body.headers.get('content-length'));
    return Number.isFinite(length) && length > 0 ? length : null;
  }
  return null;
}

/** A failed download is no export: refused with its status rather than read as rows. */
export function refuseFailed(response: Response): void {
  if (!response.ok) throw new UserlensError('network', `The export could not be fetched: HTTP ${response.status} from ${response.url || 'its URL'}.`, { status: response.status });
}

function byteStream(body: Exclude<ExportBody, string>): ReadableStream<Uint8Array> {
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
    return new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.stream() as ReadableStream<Uint8Array>;
  if (typeof Response !== 'undefined' && body instanceof Response) {
    return body.body ?? new ReadableStream({ start: (controller) => controller.close() });
  }
  return body as ReadableStream<Uint8Array>;
}

/**
 * The text of a body, in the pieces it arrives in: never the whole file as one string, so a
 * file of gigabytes passes through a small window. Gunzipped (`DecompressionStream`) when its
 * first bytes are gzip's, whatever the file's name; `onBytes` counts the bytes read as stored.
 */
export async function* textChunks(body: ExportBody, options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {}): AsyncGenerator<string, void, void> {
  const { signal, onBytes } = options;
  signal?.throwIfAborted();
  if (typeof body === 'string') {
    // A string is already in memory: handed on in pieces all the same, so progress moves.
    const PIECE = 1 << 20;
    const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
    for (let at = 0; at < text.length; at += PIECE) {
      signal?.throwIfAborted();
      onBytes?.(Math.min(PIECE, text.length - at));
      yield text.slice(at, at + PIECE);
    }
    return;
  }
  if (typeof Response !== 'undefined' && body instanceof Response) refuseFailed(body);
  const reader = byteStream(body).getReader();
  // Enough bytes to tell gzip by its magic number, however the stream cuts its first pieces.
  let head = new Uint8Array(0);
  while (head.length < 2) {
    const next = await reader.read();
    if (next.done) break;
    const joined = new Uint8Array(head.length + next.value.length);
    joined.set(head);
    joined.set(next.value, head.length);
    head = joined;
  }
  if (head.length === 0) return;
  const first = { value: head };
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  // The stream again from its first piece, counted as it is read.
  const counted = new ReadableStream<Uint8Array>({
    start(controller) {
      onBytes?.(first.value.length);
      controller.enqueue(first.value);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else {
        onBytes?.(next.value.length);
        controller.enqueue(next.value);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const bytes = gzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted;
  const text = bytes.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
  let started = false;
  try {
    for (;;) {
      signal?.throwIfAborted();
      let next: ReadableStreamReadResult<string>;
      try {
        next = await text.read();
      } catch (error) {
        throw new UserlensError('invalid_dataset', gzip ? 'The export is not valid gzip (cut short or damaged).' : 'The export could not be read.', { cause: error });
      }
      if (next.done) return;
      // A byte-order mark is no part of the first row.
      const piece = started || !next.value.startsWith('\uFEFF') ? next.value : next.value.slice(1);
      started = true;
      if (piece) yield piece;
    }
  } finally {
    await text.cancel().catch(() => {});
  }
}
