/** CLUSTER NODES, parsed (https://valkey.io/commands/cluster-nodes/): one entry per node a node knows. */
export interface ClusterNodeLine {
  id: string;
  /** "127.0.0.1:PORT", without the bus port. */
  address: string;
  flags: string[];
  /** The primary's id for a replica, else null. */
  primaryId: string | null;
  linkState: 'connected' | 'disconnected';
  /** Owned slot ranges, inclusive; importing/migrating markers are left out. */
  slots: [number, number][];
}

export function parseClusterNodes(text: string): ClusterNodeLine[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [id = '', endpoint = '', flags = '', primary = '-', , , , linkState = '', ...slotFields] = line.split(' ');
      const address = endpoint.split('@')[0]?.split(',')[0] ?? '';
      const slots = slotFields
        .filter((field) => !field.startsWith('['))
        .map((field): [number, number] => {
          const [start, end] = field.split('-').map(Number);
          return [start as number, end ?? (start as number)];
        });
      return {
        id,
        address,
        flags: flags.split(','),
        primaryId: primary === '-' ? null : primary,
        linkState: linkState === 'connected' ? 'connected' : 'disconnected',
        slots,
      };
    });
}

/** ok, suspected by this node (pfail, `fail?`), or agreed failed by the cluster (fail). */
export function healthOf(line: ClusterNodeLine): 'ok' | 'pfail' | 'fail' {
  if (line.flags.includes('fail')) return 'fail';
  if (line.flags.includes('fail?')) return 'pfail';
  return 'ok';
}

export const isPrimary = (line: ClusterNodeLine) => line.flags.includes('master');
