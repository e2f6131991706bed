import { describe, expect, it } from 'vitest';
import { labAclRule, refusedArguments, withLabCredentials } from './lab-commands';
import { resolveLabCommand } from './lab-placeholders';
import type { LabTopology } from './topology';

const args = (line: string) => line.split(' ').map((word) => Buffer.from(word === '""' ? '' : word));
const own = ['127.0.0.1:27000', '127.0.0.1:27001'];
const ids = ['a'.repeat(40), 'b'.repeat(40)];

describe('the lab policy for moving slots by hand', () => {
  it('allows SETSLOT naming its own nodes or STABLE, and refuses other ids and states', () => {
    expect(refusedArguments(args(`CLUSTER SETSLOT 5 IMPORTING ${ids[0]}`), own, ids)).toBeNull();
    expect(refusedArguments(args(`cluster setslot 5 node ${ids[1]}`), own, ids)).toBeNull();
    expect(refusedArguments(args('CLUSTER SETSLOT 5 STABLE'), own, ids)).toBeNull();
    expect(refusedArguments(args(`CLUSTER SETSLOT 5 MIGRATING ${'c'.repeat(40)}`), own, ids)).toBe(
      'ERR CLUSTER SETSLOT MIGRATING may only name a node of your own lab: find their ids with CLUSTER NODES.',
    );
    expect(refusedArguments(args('CLUSTER SETSLOT 5 BOGUS x'), own, ids)).toMatch(/takes IMPORTING, MIGRATING or NODE/);
  });

  it('allows MIGRATE to its own nodes in database 0 without AUTH, and refuses the rest', () => {
    expect(refusedArguments(args('MIGRATE 127.0.0.1 27001 foo 0 5000'), own, ids)).toBeNull();
    expect(refusedArguments(args('MIGRATE localhost 27001 "" 0 5000 COPY KEYS auth auth2'), own, ids)).toBeNull();
    expect(refusedArguments(args('MIGRATE 10.0.0.1 6379 foo 0 5000'), own, ids)).toMatch(/^ERR MIGRATE may only move/);
    expect(refusedArguments(args('MIGRATE 127.0.0.1 27001 foo 1 5000'), own, ids)).toMatch(/database 0/);
    expect(refusedArguments(args('MIGRATE 127.0.0.1 27001 foo 0 5000 AUTH pw'), own, ids)).toMatch(/leave out AUTH/);
    expect(refusedArguments(args('MIGRATE 127.0.0.1 27001 "" 0 5000 auth2 u p KEYS a'), own, ids)).toMatch(/AUTH2/);
  });

  it("signs MIGRATE in as the learner before its KEYS, and gives the learner's ACL what MIGRATE's target runs", () => {
    const signed = withLabCredentials(args('MIGRATE 127.0.0.1 27001 "" 0 5000 REPLACE KEYS a b'), 'learner', 'pw');
    expect(signed.map(String).join(' ')).toBe('MIGRATE 127.0.0.1 27001  0 5000 REPLACE AUTH2 learner pw KEYS a b');
    expect(withLabCredentials(args('MIGRATE 127.0.0.1 27001 foo 0 5000'), 'learner', 'pw').map(String)).toEqual(
      'MIGRATE 127.0.0.1 27001 foo 0 5000 AUTH2 learner pw'.split(' '),
    );
    expect(withLabCredentials(args('GET foo'), 'learner', 'pw').map(String)).toEqual(['GET', 'foo']);
    const rule = labAclRule('learner', 'pw');
    for (const command of ['+migrate', '+cluster|setslot', '+asking', '+select', '+restore-asking'])
      expect(rule.split(' ')).toContain(command);
    expect(rule).not.toMatch(/\+cluster\|meet|\+config|\+restore /);
  });
});

describe('node placeholders in lesson commands', () => {
  const node = (id: string, address: string, role: 'primary' | 'replica', health: 'ok' | 'down' = 'ok') => ({
    id,
    address,
    role,
    health,
    keys: 0,
    usedMemory: 0,
    offset: 0,
    lag: 0,
  });
  const topology = {
    shards: [
      { id: 1, slots: [], nodes: [node('id-1', '127.0.0.1:27000', 'primary')] },
      { id: 2, slots: [], nodes: [node('id-2', '127.0.0.1:27001', 'primary', 'down')] },
    ],
  } as unknown as LabTopology;

  it("fills in a shard's primary's id and port, and gives up on a shard without one", () => {
    expect(resolveLabCommand('MIGRATE 127.0.0.1 $PORT_OF_SHARD_1 k 0 5 $ID_OF_SHARD_1', topology)).toBe(
      'MIGRATE 127.0.0.1 27000 k 0 5 id-1',
    );
    expect(resolveLabCommand('CLUSTER SETSLOT 1 NODE $ID_OF_SHARD_2', topology)).toBeNull();
    expect(resolveLabCommand('GET {user:42}', topology)).toBe('GET {user:42}');
  });
});
