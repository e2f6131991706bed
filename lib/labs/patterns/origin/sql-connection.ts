/**
 * One small interface over the two ways the origin reaches Postgres: PGlite in this process, or a
 * real server through a `pg` pool. Both take `$n` parameters and answer plain rows.
 */
import 'server-only';
import { mkdirSync } from 'node:fs';

export interface SqlQueries {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlConnection extends SqlQueries {
  /** Runs `body` in one transaction (seeding: all or nothing). */
  transaction(body: (tx: SqlQueries) => Promise<void>): Promise<void>;
  /** PGlite only: the whole database as a gzipped tarball, to start an in-memory copy from. */
  dump?(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Where PGlite keeps its files, or (in memory) a dump to start from instead of an empty database. */
export type PgliteSource = { dataDir: string } | { dump: Buffer | null };

async function openPglite(source: PgliteSource): Promise<SqlConnection> {
  const { PGlite } = await import('@electric-sql/pglite');
  if ('dataDir' in source) mkdirSync(source.dataDir, { recursive: true });
  // Starting from a dump skips initdb, which is most of the time an empty PGlite takes to open.
  const db =
    'dataDir' in source
      ? await PGlite.create(source.dataDir)
      : await PGlite.create(source.dump ? { loadDataDir: new Blob([new Uint8Array(source.dump)]) } : {});
  return {
    async dump() {
      return Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    },
    async query<Row>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    async transaction(body) {
      await db.transaction(async (tx) => {
        await body({
          query: async <Row>(text: string, params: unknown[] = []) => (await tx.query<Row>(text, params)).rows,
        });
      });
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<SqlConnection> {
  const { Pool } = (await import('pg')).default;
  // Enough connections for a run's readers to overlap on a real server; PGlite has one anyway.
  const pool = new Pool({ connectionString: url, max: 16, connectionTimeoutMillis: 5_000 });
  pool.on('error', (error) => console.error('[patterns] origin connection error:', error.message));
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    async transaction(body) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await body({
          query: async <Row>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as Row[],
        });
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite (kept in a folder, or in memory) unless a postgres:// URL is given. */
export function openSqlConnection(url: string | null, pglite: PgliteSource): Promise<SqlConnection> {
  return url ? openPostgres(url) : openPglite(pglite);
}
