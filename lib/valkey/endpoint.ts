/**
 * Reading a Valkey connection URL: where it points and whether it uses TLS. One parser for the
 * app's clients, the per-learner sandbox connections and the start script's messages.
 */
import { readFileSync } from 'node:fs';

export interface ValkeyEndpoint {
  host: string;
  port: number;
  tls: boolean;
}

export function parseEndpoint(raw: string): ValkeyEndpoint {
  const url = new URL(raw);
  return { host: url.hostname, port: Number(url.port || 6379), tls: url.protocol === 'rediss:' };
}

/** host:port of a connection URL, never its password. */
export function hostPort(raw: string): string {
  const { host, port } = parseEndpoint(raw);
  return `${host}:${port}`;
}

/** hostPort with `TLS ` in front when the URL uses TLS, for the start scripts' messages. */
export function describeEndpoint(raw: string): string {
  return `${parseEndpoint(raw).tls ? 'TLS ' : ''}${hostPort(raw)}`;
}

/** The CA to trust for rediss:// URLs (KEYSPACE_VALKEY_CA_FILE), or undefined for the system's. */
export function tlsCa(caFile: string | undefined): Buffer | undefined {
  return caFile ? readFileSync(caFile) : undefined;
}
