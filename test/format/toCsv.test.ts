import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/core.ts';

describe('toCsv', () => {
  it('writes a BOM, a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [null, undefined]])).toBe('\uFEFFa,b\r\n1,x\r\n,\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['with,comma', '"with,comma"'],
    ['with "quote"', '"with ""quote"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rreturn', `"'\rreturn"`],
    ['=a,b', `"'=a,b"`],
  ])('quotes and guards %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  // The guard looks at the first character only: a sign, `@` or tab later in the text is data.
  it.each(['a-b', 'x@y.com', '1+1', 'tab\tinside', 'a=b', '2026-01-01', 'user@example.com'])('does not guard %j, whose first character is harmless', (value) => {
    expect(csvCell(value)).toBe(value);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
  ])('guards %j, which starts like a formula, as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(0.000001)).toBe('0.000001');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
