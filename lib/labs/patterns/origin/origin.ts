/**
 * The origin database behind the lab's cache: a product catalogue in PGlite (embedded Postgres, the
 * default: nothing to install) or a real PostgreSQL (KEYSPACE_ORIGIN_URL), running the same SQL
 * (catalogue-sql.ts). Every call is one origin query: it is counted, and waits the configured round
 * trip first, as a database across the network would.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '@/lib/errors';
import { openSqlConnection, type SqlConnection } from './sql-connection';
import {
  CLEAR_CATALOGUE,
  CREATE_SCHEMA,
  INDEX_REVIEWS,
  READ_PRODUCT_PAGE,
  RECORD_SEED,
  SEED_PRODUCTS,
  SEED_REVIEWS,
  SEEDED_SIZE,
  WRITE_PRODUCT,
  type ProductPageRow,
} from './catalogue-sql';
import { patternsSettings } from '../settings';

/** What a product page shows; `version` goes up by one on every write. */
export interface ProductPage {
  id: number;
  name: string;
  /** In dollars, two decimals. */
  price: number;
  version: number;
  reviewCount: number;
  averageRating: number;
}

export interface ProductPatch {
  price?: number;
  name?: string;
}

export interface Origin {
  readProductPage(id: number): Promise<ProductPage>;
  writeProduct(id: number, patch: ProductPatch): Promise<ProductPage>;
  /** Products are numbered 1…productCount. */
  readonly productCount: number;
  /** Origin queries since the origin was opened. */
  queryCount(): number;
  /** How long seeding took when this open seeded the catalogue; null when it was already there. */
  readonly seedMs: number | null;
  close(): Promise<void>;
}

export interface OriginOptions {
  /** postgres://… for a real server; null for PGlite. */
  url: string | null;
  /** PGlite's folder; null keeps it in memory. Ignored with a URL. */
  dataDir: string | null;
  /**
   * In memory only: a folder where the seeded catalogue is kept as a dump, so that the next
   * in-memory origin of the same size starts from it (tests: each file opens its own origin).
   */
  templateDir?: string | null;
  products: number;
  reviews: number;
  latencyMs: number;
}

const toPage = (row: ProductPageRow): ProductPage => ({
  id: row.id,
  name: row.name,
  price: row.price_cents / 100,
  version: row.version,
  reviewCount: row.review_count,
  averageRating: row.average_rating,
});

/** Creates the schema and seeds the catalogue unless one of this size is already there; answers how long seeding took. */
async function ensureCatalogue(sql: SqlConnection, products: number, reviews: number): Promise<number | null> {
  for (const statement of CREATE_SCHEMA) await sql.query(statement);
  const [seeded] = await sql.query<{ products: number; reviews: number }>(SEEDED_SIZE);
  if (seeded && seeded.products === products && seeded.reviews === reviews) return null;
  const began = performance.now();
  await sql.transaction(async (tx) => {
    for (const statement of CLEAR_CATALOGUE) await tx.query(statement);
    await tx.query(SEED_PRODUCTS, [products]);
    await tx.query(SEED_REVIEWS, [products, reviews]);
    await tx.query(INDEX_REVIEWS);
    await tx.query(RECORD_SEED, [products, reviews]);
  });
  return performance.now() - began;
}

/** The dump file of a seeded in-memory catalogue: its size and the SQL that made it are in the name. */
function templateFile(dir: string, products: number, reviews: number): string {
  const sqlHash = createHash('sha1')
    .update([...CREATE_SCHEMA, SEED_PRODUCTS, SEED_REVIEWS, INDEX_REVIEWS].join('\n'))
    .digest('hex')
    .slice(0, 10);
  return path.join(dir, `template-${products}x${reviews}-${sqlHash}.tar.gz`);
}

/** Opens the database and makes sure the catalogue is there; answers how long seeding took (null: it was). */
async function openSeeded(options: OriginOptions): Promise<{ sql: SqlConnection; seedMs: number | null }> {
  const template =
    !options.url && !options.dataDir && options.templateDir
      ? templateFile(options.templateDir, options.products, options.reviews)
      : null;
  const sql = await openSqlConnection(
    options.url,
    options.dataDir
      ? { dataDir: options.dataDir }
      : { dump: template && existsSync(template) ? readFileSync(template) : null },
  );
  try {
    const seedMs = await ensureCatalogue(sql, options.products, options.reviews);
    if (template && seedMs !== null && sql.dump) {
      // Written aside and renamed, so a parallel reader never sees half a file.
      mkdirSync(path.dirname(template), { recursive: true });
      const partial = `${template}.${process.pid}`;
      writeFileSync(partial, await sql.dump());
      renameSync(partial, template);
    }
    return { sql, seedMs };
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
}

/** Opens (and on first use seeds) an origin; the caller closes it. */
export async function openOrigin(options: OriginOptions): Promise<Origin> {
  let opened: { sql: SqlConnection; seedMs: number | null };
  try {
    opened = await openSeeded(options);
  } catch (error) {
    if (!options.dataDir) throw error;
    // A PGlite folder left unusable (an app killed mid-write): it is only a seeded catalogue, start it anew.
    console.error('[patterns] the origin folder could not be opened; seeding a new one:', error);
    rmSync(options.dataDir, { recursive: true, force: true });
    opened = await openSeeded(options);
  }
  const { sql, seedMs } = opened;
  let queries = 0;
  const roundTrip = async <T>(run: () => Promise<T>): Promise<T> => {
    queries++;
    if (options.latencyMs > 0) await sleep(options.latencyMs);
    return run();
  };
  const checkId = (id: number) => {
    if (!Number.isInteger(id) || id < 1 || id > options.products)
      throw new AppError('bad_request', `There is no product ${id}: ids go from 1 to ${options.products}.`);
  };
  return {
    productCount: options.products,
    seedMs,
    queryCount: () => queries,
    async readProductPage(id) {
      checkId(id);
      const [row] = await roundTrip(() => sql.query<ProductPageRow>(READ_PRODUCT_PAGE, [id]));
      if (!row) throw new AppError('not_found', `There is no product ${id}.`);
      return toPage(row);
    },
    async writeProduct(id, patch) {
      checkId(id);
      const cents = patch.price === undefined ? null : Math.round(patch.price * 100);
      const [row] = await roundTrip(() => sql.query<ProductPageRow>(WRITE_PRODUCT, [id, cents, patch.name ?? null]));
      if (!row) throw new AppError('not_found', `There is no product ${id}.`);
      return toPage(row);
    },
    close: () => sql.close(),
  };
}

const registry = globalThis as typeof globalThis & { keyspaceOrigin?: Promise<Origin> };

/** The process's origin, opened (and seeded, the first time ever) on first use, from the settings. */
export function getOrigin(): Promise<Origin> {
  if (!registry.keyspaceOrigin) {
    const settings = patternsSettings();
    registry.keyspaceOrigin = openOrigin({
      url: settings.originUrl,
      dataDir: settings.originDataDir,
      templateDir: settings.originTemplateDir,
      products: settings.originProducts,
      reviews: settings.originReviews,
      latencyMs: settings.originLatencyMs,
    }).catch((error: unknown) => {
      registry.keyspaceOrigin = undefined;
      console.error('[patterns] the origin database did not open:', error);
      throw new AppError('unavailable', 'The lab could not open its origin database. Try again.', { cause: error });
    });
  }
  return registry.keyspaceOrigin;
}

/** Closes the process's origin if it was opened (tests' afterAll). */
export async function closeOrigin(): Promise<void> {
  const origin = registry.keyspaceOrigin;
  registry.keyspaceOrigin = undefined;
  await (await origin?.catch(() => null))?.close();
}
