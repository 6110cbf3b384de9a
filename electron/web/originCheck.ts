/**
 * The web host listens on loopback, but any page the user visits could still try to reach it
 * from their browser. Only pages served by this host (or clients that send no Origin, such as
 * scripts and tests) may drive the engine.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
