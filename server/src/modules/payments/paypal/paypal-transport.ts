// PAYPAL_BASE_URL: the PayPal SDK knows only its two hosts (api-m.paypal.com, api-m.sandbox.paypal.com),
// so pointing it elsewhere (a local fake in tests) replaces its HTTP transport — an axios adapter, which
// the SDK lets a caller set — by one that sends the same request, path, headers and body to the other
// base over fetch. Without the variable the SDK's own transport is used.

interface AxiosLikeConfig {
  url?: string;
  method?: string;
  headers?: { toJSON?: () => Record<string, unknown> } & Record<string, unknown>;
  data?: unknown;
  auth?: { username: string; password: string };
  timeout?: number;
}

export function rebasedTransport(base: string) {
  const target = new URL(base);
  return async (config: AxiosLikeConfig) => {
    const from = new URL(config.url ?? '/');
    const url = new URL(`${from.pathname}${from.search}`, target);
    const headers = new Headers();
    const raw = config.headers?.toJSON ? config.headers.toJSON() : (config.headers ?? {});
    for (const [k, v] of Object.entries(raw))
      if (v !== undefined && v !== null && v !== false) headers.set(k, String(v));
    if (config.auth)
      headers.set(
        'authorization',
        `Basic ${Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64')}`,
      );
    const res = await fetch(url, {
      method: (config.method ?? 'get').toUpperCase(),
      headers,
      ...(typeof config.data === 'string' ? { body: config.data } : {}),
      signal: AbortSignal.timeout(config.timeout || 30_000),
    });
    return {
      data: await res.text(),
      status: res.status,
      statusText: res.statusText,
      headers: Object.fromEntries(res.headers),
      config,
      request: {},
    };
  };
}
