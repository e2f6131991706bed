/** Runs once when a Next.js server process starts, before it serves any request. */
export async function register(): Promise<void> {
  // The socket's address, which route handlers cannot see otherwise: see lib/http/peer-address.ts.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerAddressHook } = await import('./lib/http/peer-address');
    installPeerAddressHook();
  }
}
