/** How a file holds its rows. */
export type Container = 'jsonl' | 'json-array' | 'csv';

/** One row as read: a parsed object (JSON) or header-keyed texts (CSV), or why it could not be read. */
export type RawRecord = { line: number; value: Record<string, unknown> } | { line: number; error: string };

/**
 * The rows of a file in the order it holds them, from its text in pieces: each piece's rows as
 * one batch (a step of an async generator per row measured a tenth of a load of millions of
 * rows). Each row is parsed on its own, so no more than a piece's rows are ever held as text.
 */
export async function* readRecords(chunks: AsyncIterable<string>, container: Container): AsyncGenerator<RawRecord[], void, void> {
  if (container === 'csv') yield* csvRecords(chunks);
  else if (container === 'jsonl') yield* jsonLines(chunks);
  else yield* jsonArrayElements(chunks);
}

function parseObject(text: string, line: number): RawRecord {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { line, value: value as Record<string, unknown> }
      : { line, error: 'a JSON object' };
  } catch {
    return { line, error: 'valid JSON' };
  }
}

/** JSON Lines: one object per line; blank lines (a trailing newline) are no rows. */
async function* jsonLines(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord[], void, void> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const batch: RawRecord[] = [];
    let from = 0;
    // Searched from the new piece on: a long line is not scanned again for each piece it spans.
    for (let end = text.indexOf('\n', rest.length); end >= 0; end = text.indexOf('\n', from)) {
      line++;
      const row = text.slice(from, end).trim();
      if (row) batch.push(parseObject(row, line));
      from = end + 1;
    }
    rest = text.slice(from);
    if (batch.length) yield batch;
  }
  line++;
  if (rest.trim()) yield [parseObject(rest.trim(), line)];
}

/**
 * The elements of one top-level JSON array, each parsed on its own. Written by hand: a file of
 * gigabytes cannot be one `JSON.parse` string, and this needs only to find where each element
 * ends (brackets outside strings); `JSON.parse` still reads every element. `line` is the line
 * the element starts on.
 */
async function* jsonArrayElements(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord[], void, void> {
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let line = 1;
  let elementLine = 1;
  for await (const chunk of chunks) {
    let from = 0;
    const batch: RawRecord[] = [];
    try {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 10) line++;
        if (ended) {
          if (c > 32) throw new SyntaxError(`text after the array's end on line ${line}`);
          continue;
        }
        if (!started) {
          if (c === 91 /* [ */) {
            started = true;
            from = i + 1;
          } else if (c > 32) throw new SyntaxError('a JSON array');
          continue;
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92 /* \ */) escaped = true;
          else if (c === 34 /* " */) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) {
          if (depth === 0 && !element.trim() && !chunk.slice(from, i).trim()) elementLine = line;
          depth++;
        } else if (c === 125 || c === 93) {
          if (depth === 0 && c === 93) {
            // The array's end.
            element += chunk.slice(from, i);
            if (element.trim()) batch.push(parseObject(element.trim(), elementLine));
            element = '';
            ended = true;
            continue;
          }
          depth--;
        } else if (c === 44 /* , */ && depth === 0) {
          element += chunk.slice(from, i);
          if (element.trim()) batch.push(parseObject(element.trim(), elementLine));
          else batch.push({ line, error: 'a JSON object (found an empty element)' });
          element = '';
          from = i + 1;
          elementLine = line;
        }
      }
      if (started && !ended) element += chunk.slice(from);
    } catch (error) {
      // The rows before the fault are read first, as they would be one by one.
      if (batch.length) yield batch;
      throw error;
    }
    if (batch.length) yield batch;
  }
  if (!started) return;
  if (!ended) throw new SyntaxError('the array ends before its closing bracket');
}

/**
 * RFC 4180 CSV, as Langfuse writes it: a header row, every field in double quotes with inner
 * quotes doubled, fields that may hold newlines. Written by hand because it must take its text
 * in pieces from a stream (in a worker, without Node's streams), which the CSV libraries offer
 * only around their own file readers; the format itself is small. Values are texts: an empty
 * field is `''`, which the row readers take as null.
 */
async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord[], void, void> {
  let header: string[] | null = null;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  // After a closing quote: the next quote (a doubled one) is a quote inside the field.
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  const finish = (): RawRecord | null => {
    fields.push(field);
    field = '';
    const values = fields;
    fields = [];
    if (values.length === 1 && values[0] === '') return null;
    if (!header) {
      header = values;
      return null;
    }
    if (values.length !== header.length) return { line: recordLine, error: `${header.length} fields, as its header has (found ${values.length})` };
    const value: Record<string, unknown> = {};
    for (let k = 0; k < header.length; k++) value[header[k]!] = values[k];
    return { line: recordLine, value };
  };
  for await (const chunk of chunks) {
    let from = 0;
    const batch: RawRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (quoted) {
        if (c === 34) {
          field += chunk.slice(from, i);
          quoted = false;
          afterQuote = true;
          from = i + 1;
        } else if (c === 10) line++;
        continue;
      }
      if (c === 34) {
        // A doubled quote inside a quoted field keeps one quote.
        if (afterQuote) field += '"';
        quoted = true;
        afterQuote = false;
        from = i + 1;
        continue;
      }
      afterQuote = false;
      if (c === 44 /* , */) {
        fields.push(field + chunk.slice(from, i));
        field = '';
        from = i + 1;
      } else if (c === 10 || c === 13) {
        field += chunk.slice(from, i);
        from = i + 1;
        if (c === 13 && chunk.charCodeAt(i + 1) === 10) continue;
        const record = finish();
        if (record) batch.push(record);
        line++;
        recordLine = line;
      }
    }
    field += chunk.slice(from);
    if (batch.length) yield batch;
  }
  if (quoted) yield [{ line: recordLine, error: 'a closing quote before the end of the file' }];
  else if (field !== '' || fields.length > 0) {
    const record = finish();
    if (record) yield [record];
  }
}
