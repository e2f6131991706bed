/**
 * The origin's schema and every query it runs, in one place, so that the embedded PGlite and a real
 * PostgreSQL (through `pg`) run exactly the same SQL. Parameters are `$1, $2…` on both.
 *
 * The catalogue: products, and reviews pointing at them (a skewed number per product), so that a
 * "product page" (the product plus its review count and average rating) is a join and an aggregate,
 * not a single-row lookup. Every write bumps the product's `version`: that is how the lab tells a
 * stale read from a fresh one.
 */

/** Tables and the index the product page needs. Idempotent. */
export const CREATE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS catalogue_seed (
     products integer NOT NULL,
     reviews integer NOT NULL,
     seeded_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS products (
     id integer PRIMARY KEY,
     name text NOT NULL,
     price_cents integer NOT NULL,
     version integer NOT NULL DEFAULT 1
   )`,
  `CREATE TABLE IF NOT EXISTS reviews (
     id integer PRIMARY KEY,
     product_id integer NOT NULL REFERENCES products (id),
     rating smallint NOT NULL,
     body text NOT NULL
   )`,
] as const;

/** The size of the catalogue already seeded, if any. */
export const SEEDED_SIZE = 'SELECT products, reviews FROM catalogue_seed LIMIT 1';

/** Empties the catalogue before a reseed at another size. */
export const CLEAR_CATALOGUE = [
  'DROP INDEX IF EXISTS reviews_by_product',
  'TRUNCATE reviews, products, catalogue_seed',
];

/**
 * Set-based seeding with generate_series: one statement per table, no row-by-row inserts. Names and
 * prices are derived from the id so the catalogue is the same on every machine. $1 = products.
 */
export const SEED_PRODUCTS = `
  INSERT INTO products (id, name, price_cents, version)
  SELECT g,
         (ARRAY['Classic', 'Wireless', 'Compact', 'Deluxe', 'Eco', 'Smart', 'Vintage', 'Travel'])[1 + g % 8]
           || ' '
           || (ARRAY['Lamp', 'Kettle', 'Backpack', 'Headphones', 'Chair', 'Notebook', 'Bottle', 'Speaker', 'Mug', 'Clock'])[1 + (g / 8) % 10]
           || ' ' || g,
         199 + (g * 7919) % 49800,
         1
  FROM generate_series(1, $1::integer) AS g`;

/**
 * $1 = products, $2 = reviews. Each review's product comes from the golden-ratio sequence (spread
 * evenly, deterministic), squared so that low ids get more reviews, as popular products do; ratings
 * lean towards 4 and 5.
 */
export const SEED_REVIEWS = `
  INSERT INTO reviews (id, product_id, rating, body)
  SELECT g,
         1 + floor($1::integer * power(g * 0.6180339887498949 - floor(g * 0.6180339887498949), 2))::integer,
         (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + (g * 31) % 8],
         'Review ' || g || ': ' || (ARRAY['works as described', 'great value', 'arrived late', 'would buy again', 'not for me'])[1 + g % 5]
  FROM generate_series(1, $2::integer) AS g`;

/** Built after the bulk insert: much faster than maintaining it row by row. */
export const INDEX_REVIEWS = 'CREATE INDEX IF NOT EXISTS reviews_by_product ON reviews (product_id)';

export const RECORD_SEED = 'INSERT INTO catalogue_seed (products, reviews) VALUES ($1, $2)';

/** The product page: the product and its review aggregate. $1 = id. */
export const READ_PRODUCT_PAGE = `
  SELECT p.id, p.name, p.price_cents, p.version,
         (SELECT count(*) FROM reviews r WHERE r.product_id = p.id)::integer AS review_count,
         (SELECT coalesce(round(avg(r.rating), 2), 0) FROM reviews r WHERE r.product_id = p.id)::float8 AS average_rating
  FROM products p
  WHERE p.id = $1`;

/** Changes price and/or name (null leaves one as it is), bumps the version, answers the new page. $1 id, $2 cents, $3 name. */
export const WRITE_PRODUCT = `
  WITH updated AS (
    UPDATE products
    SET price_cents = coalesce($2::integer, price_cents),
        name = coalesce($3::text, name),
        version = version + 1
    WHERE id = $1
    RETURNING id, name, price_cents, version
  )
  SELECT u.id, u.name, u.price_cents, u.version,
         (SELECT count(*) FROM reviews r WHERE r.product_id = u.id)::integer AS review_count,
         (SELECT coalesce(round(avg(r.rating), 2), 0) FROM reviews r WHERE r.product_id = u.id)::float8 AS average_rating
  FROM updated u`;

/** A row as READ_PRODUCT_PAGE and WRITE_PRODUCT answer it. */
export interface ProductPageRow {
  id: number;
  name: string;
  price_cents: number;
  version: number;
  review_count: number;
  average_rating: number;
}
