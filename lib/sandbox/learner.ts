/**
 * Learner identity: a random id the server issues in an HttpOnly cookie, and the key namespace
 * derived from it. An id sent in a body or query is never trusted.
 */
import { randomInt } from 'node:crypto';

export const LEARNER_COOKIE = 'keyspace_learner';
/**
 * The name over HTTPS: a `__Host-` cookie is only accepted by browsers with Secure, Path=/ and no
 * Domain, so a sibling subdomain can neither set nor overwrite it.
 */
export const SECURE_LEARNER_COOKIE = `__Host-${LEARNER_COOKIE}`;
export const LEARNER_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_PATTERN = /^[a-z0-9]{12}$/;

export function newLearnerId(): string {
  let id = '';
  for (let i = 0; i < 12; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

export function isLearnerId(value: string | undefined): value is string {
  return value !== undefined && ID_PATTERN.test(value);
}
