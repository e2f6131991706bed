/**
 * Splits a command line into arguments exactly as valkey-cli 8 does in its REPL
 * (sdssplitargs in valkey's src/sds.c), so the sandbox accepts and rejects the same input.
 */
export type ParsedLine = { ok: true; args: Buffer[] } | { ok: false; error: string };

const BACKSLASH = 0x5c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const LOWER_X = 0x78;

const ESCAPES: ReadonlyMap<number, number> = new Map([
  [0x6e, 0x0a], // \n
  [0x72, 0x0d], // \r
  [0x74, 0x09], // \t
  [0x62, 0x08], // \b
  [0x61, 0x07], // \a
]);

function invalid(): ParsedLine {
  return { ok: false, error: 'Invalid argument(s)' };
}

/** C isspace() in the "C" locale: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Ends an unquoted token. Narrower than isSpace on purpose: sds.c does not stop at \v or \f
 * here, so `a\vb` is one argument although a leading \v is skipped.
 */
function endsBareToken(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

export function parseCommandLine(line: string): ParsedLine {
  const bytes = Buffer.from(line, 'utf8');
  // Reading 0 past the end mirrors the C string terminator, so a NUL also ends the line there.
  const at = (i: number): number => bytes[i] ?? 0;

  const args: Buffer[] = [];
  let p = 0;
  for (;;) {
    while (at(p) !== 0 && isSpace(at(p))) p++;
    if (at(p) === 0) return { ok: true, args };

    const current: number[] = [];
    let mode: 'bare' | 'double' | 'single' = 'bare';
    let done = false;
    while (!done) {
      const c = at(p);
      if (mode === 'double') {
        const high = hexValue(at(p + 2));
        const low = high === -1 ? -1 : hexValue(at(p + 3));
        if (c === BACKSLASH && at(p + 1) === LOWER_X && high !== -1 && low !== -1) {
          current.push(high * 16 + low);
          p += 3;
        } else if (c === BACKSLASH && at(p + 1) !== 0) {
          p++;
          current.push(ESCAPES.get(at(p)) ?? at(p));
        } else if (c === DOUBLE_QUOTE) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return invalid();
          done = true;
        } else if (c === 0) {
          return invalid();
        } else {
          current.push(c);
        }
      } else if (mode === 'single') {
        if (c === BACKSLASH && at(p + 1) === SINGLE_QUOTE) {
          p++;
          current.push(SINGLE_QUOTE);
        } else if (c === SINGLE_QUOTE) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return invalid();
          done = true;
        } else if (c === 0) {
          return invalid();
        } else {
          current.push(c);
        }
      } else if (endsBareToken(c)) {
        done = true;
      } else if (c === DOUBLE_QUOTE) {
        // A quote inside a bare token opens a quoted section, as in sds.c: a"b c" is `ab c`.
        mode = 'double';
      } else if (c === SINGLE_QUOTE) {
        mode = 'single';
      } else {
        current.push(c);
      }
      if (at(p) !== 0) p++;
    }
    args.push(Buffer.from(current));
  }
}
