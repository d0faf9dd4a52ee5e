import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Shared pieces of the providers' local fakes (tests only): a node:http server, keys and self-signed
// certificates generated for the test (openssl), and files to name in the environment as a deployment
// would. Each fake speaks its provider's real protocol on top of these.

export interface FakeRequest {
  method: string;
  /** path and query, exactly as sent (signatures cover it) */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface FakeServer {
  base: string;
  server: Server;
  /** every request the fake received, in order */
  seen: FakeRequest[];
  close(): Promise<void>;
}

export async function fakeServer(
  handle: (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>,
): Promise<FakeServer> {
  const seen: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(r);
      Promise.resolve(handle(r)).then(
        (a) => {
          res.writeHead(a.status, a.headers ?? {});
          res.end(a.body ?? '');
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(e));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface TestCert {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyPem: string;
  certPem: string;
  /** the certificate serial in upper-case hex, as WeChat Pay's Wechatpay-Serial names it */
  serial: string;
}

const dir = mkdtempSync(join(tmpdir(), 'kaidan-providers-'));
let files = 0;

/** A file in a temporary directory (key and certificate files named by *_FILE variables). */
export function writeTemp(name: string, content: string): string {
  files += 1;
  const path = join(dir, `${files}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** A fresh RSA 2048 key with a self-signed certificate for `cn`, made by openssl for this test. */
export function selfSignedCert(cn: string): TestCert {
  files += 1;
  const key = join(dir, `${files}-key.pem`);
  const cert = join(dir, `${files}-cert.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
    ],
    { stdio: 'ignore' },
  );
  const keyPem = readFileSync(key, 'utf8');
  const certPem = readFileSync(cert, 'utf8');
  const x = new X509Certificate(certPem);
  return {
    privateKey: createPrivateKey(keyPem),
    publicKey: x.publicKey,
    keyPem,
    certPem,
    serial: x.serialNumber.toUpperCase(),
  };
}
