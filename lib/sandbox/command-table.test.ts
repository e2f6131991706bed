import { describe, expect, it } from 'vitest';
import { checkArguments } from './argument-limits';
import {
  allowedCommandRules,
  EMULATED_COMMANDS,
  extendCommandTable,
  runRule,
  SANDBOX_COMMANDS,
  type CommandRule,
} from './command-table';
import type { SandboxLimits } from './limits';
import { judgeCommand } from './policy';

const limits = { maxOffsetBytes: 1024, maxRandomCount: 100, maxBlockSeconds: 5 } as SandboxLimits;
const argv = (line: string) => line.split(' ').map((word) => Buffer.from(word));
const rules = Object.entries(SANDBOX_COMMANDS);

describe('the command table is consistent', () => {
  it('names commands in lower case, as the pipeline looks them up', () => {
    for (const [name] of rules) expect(name).toBe(name.toLowerCase());
  });

  it('gives every refused command a message that reads as a Valkey error naming it', () => {
    for (const [name, rule] of rules) {
      if (rule.action !== 'refuse') continue;
      const message = rule.message(name.toUpperCase());
      expect(message, name).toMatch(
        new RegExp(
          `^ERR ${name.toUpperCase()} is (disabled|not available|not needed) in the Keyspace sandbox( yet)?: .+\\.$`,
        ),
      );
      expect(judgeCommand(name.toUpperCase())).toEqual({ action: 'refuse', message });
    }
  });

  it('caps the timeout of every blocking command: a timeout of 0 (forever) is refused', () => {
    const blocking = rules.filter(([, rule]) => rule.action === 'run' && rule.blocking);
    expect(blocking.map(([name]) => name).sort()).toEqual([
      'blmove',
      'blmpop',
      'blpop',
      'brpop',
      'brpoplpush',
      'bzmpop',
      'bzpopmax',
      'bzpopmin',
      'xread',
      'xreadgroup',
    ]);
    for (const [name, rule] of blocking) {
      const where = rule.action === 'run' ? rule.blocking : undefined;
      const line =
        where === 'block-option-milliseconds'
          ? `${name} BLOCK 0 STREAMS s 0`
          : where === 'first-argument-seconds'
            ? `${name} 0 1 a LEFT`
            : `${name} a b 0`;
      expect(checkArguments(name, argv(line), limits), name).toMatch(/^ERR (timeout|BLOCK) must be more than 0/);
      expect(checkArguments(name, argv(line.replace(' 0', ' 1')), limits), name).toBeNull();
    }
  });

  it('checks every argument limit it names', () => {
    const lines: Record<string, string> = {
      setrange: 'setrange k 2000 x',
      setbit: 'setbit k 9000 1',
      bitfield: 'bitfield k SET u8 9000 1',
      srandmember: 'srandmember k 1000',
      zrandmember: 'zrandmember k -1000',
      hrandfield: 'hrandfield k 1000',
      lpop: 'lpop k 1000',
      rpop: 'rpop k 1000',
      spop: 'spop k 1000',
      zpopmin: 'zpopmin k 1000',
      zpopmax: 'zpopmax k 1000',
      memory: 'memory usage k SAMPLES 0',
      lmpop: 'lmpop 1 k LEFT COUNT 1000',
      zmpop: 'zmpop 1 k MIN COUNT 1000',
      blmpop: 'blmpop 1 1 k LEFT COUNT 1000',
      bzmpop: 'bzmpop 1 1 k MIN COUNT 1000',
      copy: 'copy a b DB 1',
      sort: 'sort k GET w_* STORE d',
    };
    const limited = rules.filter(([, rule]) => rule.action === 'run' && rule.limit).map(([name]) => name);
    expect(limited.sort()).toEqual(Object.keys(lines).sort());
    for (const name of limited)
      expect(checkArguments(name, argv(lines[name]!), limits), name).toMatch(
        /^ERR .+ (too large for the sandbox|is not available in the Keyspace sandbox)/,
      );
  });

  it('lets the limited forms through without the over-limit option', () => {
    for (const line of [
      'lmpop 1 k LEFT COUNT 100',
      'copy a b REPLACE',
      'sort k GET w_*',
      'sort k STORE d',
      'sort k GET # STORE d',
    ])
      expect(checkArguments(line.split(' ')[0]!, argv(line), limits), line).toBeNull();
  });

  it('emulates exactly the commands emulate.ts implements', () => {
    const emulated = rules.filter(([, rule]) => rule.action === 'emulate').map(([name]) => name);
    expect(emulated.sort()).toEqual([...EMULATED_COMMANDS].sort());
  });

  it('guards the HyperLogLog commands, and only those', () => {
    const guarded = rules.filter(([, rule]) => rule.action === 'run' && rule.hyperLogLog);
    expect(guarded.map(([name]) => name).sort()).toEqual(['pfadd', 'pfcount', 'pfmerge']);
  });

  it('allows in the ACL exactly the commands it runs, and no emulated or refused one', () => {
    const acl = allowedCommandRules();
    expect(new Set(acl).size).toBe(acl.length);
    for (const [name, rule] of rules) {
      if (rule.action !== 'run') expect(acl, name).not.toContain(`+${name}`);
      else if ('subcommands' in rule.keys)
        for (const sub of Object.keys(rule.keys.subcommands)) expect(acl).toContain(`+${name}|${sub}`);
      else expect(acl, name).toContain(`+${name}`);
    }
  });

  it('does not take names it has no rule for from the object prototype', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(runRule(name)).toBeUndefined();
      expect(judgeCommand(name).action).toBe('refuse');
    }
  });
});

describe('extendCommandTable', () => {
  it("adds, replaces and removes rules for a lab without changing the sandbox's table", () => {
    const cluster: CommandRule = { action: 'refuse', message: (name) => `ERR ${name} is for the cluster lab.` };
    const lab = extendCommandTable(SANDBOX_COMMANDS, {
      cluster: undefined,
      readonly: { action: 'run', keys: [1, 0, 0, 0] },
      get: cluster,
    });
    expect(judgeCommand('READONLY', [], lab).action).toBe('run');
    expect(judgeCommand('GET', [], lab)).toEqual({ action: 'refuse', message: 'ERR GET is for the cluster lab.' });
    expect(judgeCommand('CLUSTER', [], lab).action).toBe('refuse');
    expect(judgeCommand('CLUSTER', [], lab)).not.toEqual(judgeCommand('CLUSTER'));
    expect(allowedCommandRules(lab)).toContain('+readonly');
    expect(judgeCommand('GET').action).toBe('run');
    expect(judgeCommand('READONLY').action).toBe('refuse');
  });
});
