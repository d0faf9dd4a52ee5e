import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Reading one provider's configuration from the environment: every variable it lacks is collected, not
// just the first, so one failed start names all of them (main.ts refuses to start on PaymentsConfigError).
// Key material comes from files named by *_FILE variables, never from the variables themselves.

export class EnvReader {
  readonly missing: string[] = [];
  constructor(private readonly env: Record<string, string | undefined>) {}

  /** a provider is wanted as soon as any of its variables is set */
  wants(prefix: string): boolean {
    return Object.entries(this.env).some(([k, v]) => k.startsWith(prefix) && v !== undefined && v !== '');
  }

  optional(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }

  need(name: string, why?: string): string {
    const v = this.optional(name);
    if (v === undefined) this.missing.push(why ? `${name} (${why})` : name);
    return v ?? '';
  }

  /** the text of the file a variable names; an unreadable file counts as missing, with its path */
  file(name: string, path = this.need(name)): string {
    if (!path) return '';
    try {
      return readFileSync(path, 'utf8');
    } catch {
      this.missing.push(`${name} (cannot read ${path})`);
      return '';
    }
  }

  privateKey(name: string, text = this.file(name)): KeyObject | null {
    const der = () => Buffer.from(text.trim(), 'base64');
    return this.key(name, text, [
      () => createPrivateKey(text),
      () => createPrivateKey({ key: der(), format: 'der', type: 'pkcs8' }),
      () => createPrivateKey({ key: der(), format: 'der', type: 'pkcs1' }),
    ]);
  }

  publicKey(name: string, text = this.file(name)): KeyObject | null {
    const der = () => Buffer.from(text.trim(), 'base64');
    return this.key(name, text, [
      () => createPublicKey(text),
      () => createPublicKey({ key: der(), format: 'der', type: 'spki' }),
      () => createPublicKey({ key: der(), format: 'der', type: 'pkcs1' }),
    ]);
  }

  /** a PEM key, or (as Alipay's key tool writes it) its bare base64 body: the first form that parses */
  private key(name: string, text: string, forms: (() => KeyObject)[]): KeyObject | null {
    if (!text) return null;
    for (const form of text.includes('-----BEGIN') ? forms.slice(0, 1) : forms.slice(1)) {
      try {
        const k = form();
        if (k.asymmetricKeyType === 'rsa') return k;
      } catch {
        // the next form
      }
    }
    this.missing.push(`${name} (not an RSA key)`);
    return null;
  }
}
