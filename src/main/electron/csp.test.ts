import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devServerCsp } from '../../../electron.vite.config';
import { rendererCsp, rendererMetaCsp } from './csp';

const metaCsp = (html: string) =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? null;
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

describe('the renderer’s Content-Security-Policy', () => {
  it('allows no inline script or style, no eval, no frames, no plugins', () => {
    expect(rendererCsp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    expect(directive(rendererCsp, 'script-src')).toBe("script-src 'self'");
    expect(directive(rendererCsp, 'style-src')).toBe("style-src 'self'");
    expect(directive(rendererCsp, 'object-src')).toBe("object-src 'none'");
    expect(directive(rendererCsp, 'frame-src')).toBe("frame-src 'none'");
    expect(directive(rendererCsp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(rendererCsp, 'base-uri')).toBe("base-uri 'none'");
  });

  it('is the same in index.html’s <meta>, less what only a header can say', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    expect(metaCsp(html)).toBe(rendererMetaCsp);
    expect(rendererMetaCsp).not.toContain('frame-ancestors');
    expect(`${rendererMetaCsp}; frame-ancestors 'none'`).toBe(rendererCsp);
  });

  it('is relaxed for Vite’s dev server only, never in the build', () => {
    const plugin = devServerCsp();
    expect(plugin.apply).toBe('serve');
    const transform = plugin.transformIndexHtml as (html: string) => string;
    const relaxed = metaCsp(transform(readFileSync('src/renderer/index.html', 'utf8')))!;
    expect(directive(relaxed, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
  });
});
