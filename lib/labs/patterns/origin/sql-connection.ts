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
  close(): Promise<void>;
}

async function openPglite(dataDir: string | null): Promise<SqlConnection> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
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

/** PGlite (in memory, or kept in `dataDir`) unless a postgres:// URL is given. */
export function openSqlConnection(url: string | null, dataDir: string | null): Promise<SqlConnection> {
  return url ? openPostgres(url) : openPglite(dataDir);
}
