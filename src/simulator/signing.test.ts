import { describe, expect, it } from 'vitest';
import { UrlSigner } from './signing';

describe('URL signing', () => {
  const path = '/video/vid_ABC.mp4';
  const query = (url: string) => new URL(url, 'http://cdn').searchParams;

  it('accepts its own signature until exp, on the clock it is given', () => {
    const signer = new UrlSigner();
    const signed = query(signer.sign(path, 1_000));
    expect(signer.check(path, signed, 999_999)).toBe('valid');
    expect(signer.check(path, signed, 1_000_000)).toBe('expired');
  });

  it('refuses another path, another exp, another simulator’s secret, or nothing', () => {
    const signer = new UrlSigner();
    const signed = query(signer.sign(path, 1_000));
    expect(signer.check('/video/vid_ABC.jpg', signed, 0)).toBe('mismatch');
    expect(signer.check(path, query(`?exp=2000&sig=${signed.get('sig')}`), 0)).toBe('mismatch');
    expect(signer.check(path, query(`?exp=1000&sig=nothex`), 0)).toBe('mismatch');
    expect(new UrlSigner().check(path, signed, 0)).toBe('mismatch');
    expect(signer.check(path, query('?exp=1000'), 0)).toBe('missing');
  });
});
