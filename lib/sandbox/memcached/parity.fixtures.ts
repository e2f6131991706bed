/**
 * Console entries and the raw bytes a telnet user would send for the same command, for the
 * byte-for-byte comparison in parity.test.ts. `{p}` in the raw bytes is the test's own key prefix
 * (taken off again before comparing); each group runs in order on a fresh sandbox learner and on
 * the raw socket. `values`: the reply is VALUE blocks up to END.
 */
import type { ReplyShape } from './reply-reader';

export interface ParityStep {
  entry: string;
  raw: string;
  shape?: ReplyShape;
}

const step = (entry: string, raw: string, shape: ReplyShape = 'line'): ParityStep => ({ entry, raw, shape });
/** A retrieval entry and its raw line: every key (after gat's exptime) gets the test's prefix. */
function get(entry: string): ParityStep {
  const [name = '', ...rest] = entry.split(' ');
  const firstKey = name.startsWith('gat') ? 1 : 0;
  const raw = [name, ...rest.map((token, position) => (position >= firstKey ? `{p}${token}` : token))].join(' ');
  return step(entry, `${raw}\r\n`, 'values');
}

export const PARITY_GROUPS: Record<string, ParityStep[]> = {
  'storage commands': [
    step('set user:1 0 60 3\nada', 'set {p}user:1 0 60 3\r\nada\r\n'),
    get('get user:1'),
    step('set user:1 5 0 3 bob', 'set {p}user:1 5 0 3\r\nbob\r\n'),
    get('get user:1 nothere user:1'),
    step('add user:1 0 0 1\nx', 'add {p}user:1 0 0 1\r\nx\r\n'),
    step('add user:2 0 0 1\nx', 'add {p}user:2 0 0 1\r\nx\r\n'),
    step('replace nothere 0 0 1\nx', 'replace {p}nothere 0 0 1\r\nx\r\n'),
    step('replace user:2 0 0 2\nyz', 'replace {p}user:2 0 0 2\r\nyz\r\n'),
    step('append user:2 0 0 2\n!!', 'append {p}user:2 0 0 2\r\n!!\r\n'),
    step('prepend user:2 0 0 1 <', 'prepend {p}user:2 0 0 1\r\n<\r\n'),
    step('append nothere 0 0 1\nx', 'append {p}nothere 0 0 1\r\nx\r\n'),
    get('get user:2'),
    step('set multi 0 0 7\nab\r\ncd\n', 'set {p}multi 0 0 7\r\nab\r\ncd\n\r\n'),
    get('get multi'),
    step('set empty 0 0 0', 'set {p}empty 0 0 0\r\n\r\n'),
    get('get empty'),
    step('set big 4294967297 0 1\nx', 'set {p}big 4294967297 0 1\r\nx\r\n'),
    step('set big 0 0 1 garbage\ny', 'set {p}big 0 0 1 garbage\r\ny\r\n'),
    get('get big'),
    step('set tab\tkey 0 0 1\nx', 'set {p}tab\tkey 0 0 1\r\nx\r\n'),
    get('get tab\tkey'),
    step('set gone 0 -1 1\nx', 'set {p}gone 0 -1 1\r\nx\r\n'),
    get('get gone'),
    step('cas user:1 0 0 1 1\ny', 'cas {p}user:1 0 0 1 1\r\ny\r\n'),
    step('cas nothere 0 0 1 1\ny', 'cas {p}nothere 0 0 1 1\r\ny\r\n'),
  ],
  counters: [
    step('set n 0 0 2\n10', 'set {p}n 0 0 2\r\n10\r\n'),
    step('incr n 5', 'incr {p}n 5\r\n'),
    step('decr n 100', 'decr {p}n 100\r\n'),
    get('get n'),
    step('incr n 18446744073709551615', 'incr {p}n 18446744073709551615\r\n'),
    step('incr n 1', 'incr {p}n 1\r\n'),
    step('incr n abc', 'incr {p}n abc\r\n'),
    step('incr n -1', 'incr {p}n -1\r\n'),
    step('incr nothere 1', 'incr {p}nothere 1\r\n'),
    step('set word 0 0 3\nabc', 'set {p}word 0 0 3\r\nabc\r\n'),
    step('incr word 1', 'incr {p}word 1\r\n'),
    step('incr n', 'incr {p}n\r\n'),
  ],
  'delete, touch and gat': [
    step('set t 0 0 1\nx', 'set {p}t 0 0 1\r\nx\r\n'),
    step('touch t 100', 'touch {p}t 100\r\n'),
    step('touch nothere 1', 'touch {p}nothere 1\r\n'),
    step('touch t abc', 'touch {p}t abc\r\n'),
    step('touch t', 'touch {p}t\r\n'),
    get('gat 100 t'),
    get('gat 100 t nothere t'),
    get('gat 10'),
    get('gat x t'),
    step('delete t', 'delete {p}t\r\n'),
    step('delete t', 'delete {p}t\r\n'),
    step('delete t 0', 'delete {p}t 0\r\n'),
    step('delete t 5', 'delete {p}t 5\r\n'),
  ],
  'memcached errors': [
    step('', '\r\n'),
    step('foo bar', 'foo bar\r\n'),
    step('SET k 0 0 1', 'SET {p}k 0 0 1\r\n'),
    step('get', 'get\r\n'),
    step('gats', 'gats\r\n'),
    step('set k 0 0', 'set {p}k 0 0\r\n'),
    step('set k x 0 1\ny', 'set {p}k x 0 1\r\n'),
    step('set k 0 x 1\ny', 'set {p}k 0 x 1\r\n'),
    step('set k 0 0 -1\ny', 'set {p}k 0 0 -1\r\n'),
    step('set k 0 0 2147483648\ny', 'set {p}k 0 0 2147483648\r\n'),
    step('set k -1 0 1\ny', 'set {p}k -1 0 1\r\n'),
    step('set k 0 0 1 2 3\ny', 'set {p}k 0 0 1 2 3\r\n'),
    step('cas k 0 0 1\ny', 'cas {p}k 0 0 1\r\n'),
    step('cas k 0 0 1 abc\ny', 'cas {p}k 0 0 1 abc\r\n'),
    // memcached reads the declared bytes and two more: here "abcd\r", which is not "abc\r\n".
    step('set k 0 0 3\nabcd', 'set {p}k 0 0 3\r\nabcd\r'),
    step('set k 0 0 3 abcd', 'set {p}k 0 0 3\r\nabcd\r'),
    step('flush_all x', 'flush_all x\r\n'),
    step('stats nothing', 'stats nothing\r\n'),
    step('version', 'version\r\n'),
    step('version please', 'version please\r\n'),
  ],
};

/** `gets`/`gats` replies carry CAS uniques, a server-wide counter: compared by shape, not value. */
export const maskCasUniques = (text: string) => text.replace(/^(VALUE \S+ \d+ \d+) \d+$/gm, '$1 <cas>');
