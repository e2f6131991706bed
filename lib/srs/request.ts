/** Query parameters the drill routes share, read once, with clear limits. */
export function readTzOffset(url: URL): number {
  const raw = Number(url.searchParams.get('tz') ?? 0);
  // getTimezoneOffset() ranges from -840 (UTC+14) to 720 (UTC-12).
  return Number.isFinite(raw) && raw >= -840 && raw <= 720 ? Math.round(raw) : 0;
}

export function readTags(url: URL): string[] {
  return (url.searchParams.get('tags') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => /^[a-z0-9-]{1,60}$/.test(tag))
    .slice(0, 50);
}
