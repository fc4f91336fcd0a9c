import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'mismatch' | 'expired';

/** Pre-signed CDN URLs: `?exp=<unix s>&sig=<hex HMAC-SHA256 of path + exp>`. */
export class UrlSigner {
  private readonly secret = randomBytes(32);

  sign(path: string, expiresAtSeconds: number): string {
    return `${path}?exp=${expiresAtSeconds}&sig=${this.mac(path, String(expiresAtSeconds))}`;
  }

  check(path: string, query: URLSearchParams, nowMs: number): SignatureCheck {
    const exp = query.get('exp');
    const sig = query.get('sig');
    if (!exp || !sig) return 'missing';
    const expected = Buffer.from(this.mac(path, exp), 'hex');
    const given = Buffer.from(sig, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch';
    return Number(exp) * 1000 <= nowMs ? 'expired' : 'valid';
  }

  private mac(path: string, exp: string): string {
    return createHmac('sha256', this.secret)
      .update(path + exp)
      .digest('hex');
  }
}
