import { describe, expect, it } from 'vitest';
import { apiUrl, parseApiBase } from './request';

describe('parseApiBase', () => {
  it('drops a trailing slash, a query and a fragment', () => {
    expect(parseApiBase('https://api.airforce/').href).toBe('https://api.airforce/');
    expect(parseApiBase('https://gw.example/airforce/?x=1#y').href).toBe(
      'https://gw.example/airforce',
    );
  });

  it('refuses anything but http and https', () => {
    expect(() => parseApiBase('ftp://api.airforce')).toThrow(TypeError);
    expect(() => parseApiBase('not a url')).toThrow(TypeError);
  });

  it('accepts plain http only on loopback, where the key never crosses a network', () => {
    for (const base of [
      'http://127.0.0.1:8787',
      'http://127.1.2.3',
      'http://localhost:1',
      'http://[::1]:9',
    ])
      expect(parseApiBase(base).protocol, base).toBe('http:');
    for (const base of [
      'http://api.airforce',
      'http://192.168.1.2:8787',
      'http://localhost.evil.example',
    ])
      expect(() => parseApiBase(base), base).toThrow(/only for this computer/);
    expect(() => parseApiBase('https://user:secret@api.airforce')).toThrow(/user name or password/);
  });
});

describe('apiUrl', () => {
  it('appends the path to a base with a gateway prefix', () => {
    const base = parseApiBase('https://gw.example/airforce/');
    expect(apiUrl(base, '/v1/models').href).toBe('https://gw.example/airforce/v1/models');
  });

  it('adds a query only when there is one', () => {
    const base = parseApiBase('https://api.airforce');
    expect(apiUrl(base, '/v1/video/tasks', new URLSearchParams()).href).toBe(
      'https://api.airforce/v1/video/tasks',
    );
    expect(apiUrl(base, '/v1/video/tasks', new URLSearchParams({ limit: '5' })).href).toBe(
      'https://api.airforce/v1/video/tasks?limit=5',
    );
  });
});
