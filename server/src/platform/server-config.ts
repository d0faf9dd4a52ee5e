// What `serve` reads from the environment, checked once at start so a bad value stops the server with a
// clear message instead of misbehaving later.
export interface ServerConfig {
  host: string;
  port: number;
  publicUrl: string | undefined;
  trustProxy: boolean;
  testClock: boolean;
  /** webhooks may be delivered to loopback/private addresses: off in production unless KAIDAN_WEBHOOKS_PRIVATE=1 */
  webhooksPrivate: boolean;
}

export class ConfigError extends Error {}

const flag = (v: string | undefined) => v === '1' || v === 'true';

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be an integer from 0 to 65535, not "${env.PORT}"`);
  const testClock = flag(env.KAIDAN_TEST_CLOCK);
  if (testClock && env.NODE_ENV === 'production')
    throw new ConfigError(
      'KAIDAN_TEST_CLOCK=1 is refused when NODE_ENV=production: a test clock moves the time of real money. ' +
        'Unset KAIDAN_TEST_CLOCK, or run a test deployment without NODE_ENV=production.',
    );
  return {
    // Loopback unless told otherwise: the embedded database is for one machine, and exposing the console
    // to a network is a decision (HOST=0.0.0.0), not a default.
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    publicUrl: env.PUBLIC_URL,
    trustProxy: flag(env.TRUST_PROXY),
    testClock,
    // Partners type webhook URLs; in production they must not reach our own network (SSRF). Development
    // and demos deliver to receivers on this machine.
    webhooksPrivate: env.KAIDAN_WEBHOOKS_PRIVATE
      ? flag(env.KAIDAN_WEBHOOKS_PRIVATE)
      : env.NODE_ENV !== 'production',
  };
}
