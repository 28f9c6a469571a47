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
    for (let at = 0; at < body.length; at += PIECE) {
      signal?.throwIfAborted();
      onBytes?.(Math.min(PIECE, body.length - at));
      yield body.slice(at, at + PIECE);
    }
    return;
  }
  const reader = byteStream(body).getReader();
  const first = await reader.read();
  if (first.done) return;
  const gzip = first.value.length >= 2 && first.value[0] === 0x1f && first.value[1] === 0x8b;
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
  try {
    for (;;) {
      signal?.throwIfAborted();
      const next = await text.read();
      if (next.done) return;
      if (next.value) yield next.value;
    }
  } finally {
    await text.cancel().catch(() => {});
  }
}
