import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// Test fixture: a real HTTP receiver on 127.0.0.1 that keeps what it got and answers the statuses it is
// told to, in turn (then 200).

export interface Received {
  headers: Record<string, string>;
  body: string;
}

const flat = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));

export async function webhookReceiver() {
  const got: Received[] = [];
  const answers: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: flat(req.headers), body: Buffer.concat(chunks).toString('utf8') });
      const status = answers.shift() ?? 200;
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status < 300 ? 'ok' : `failed with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    got,
    /** the next answers, in order */
    answer: (...statuses: number[]) => answers.push(...statuses),
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
