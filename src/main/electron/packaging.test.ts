import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const { build } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  build: Record<string, unknown>;
};
// What `electron-builder` runs on the config before packaging, against its own schema.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: object, logger: object) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => object;
};

describe('the packaged app', () => {
  it('flips Electron’s fuses: no running as Node, no NODE_OPTIONS or --inspect, only the integrity-checked app.asar, no file:// extras', () => {
    expect(build['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is a config electron-builder 26 accepts, which it would not with a misspelt fuse', async () => {
    await expect(validateConfiguration(build, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = {
      ...build,
      electronFuses: { ...(build['electronFuses'] as object), runAsNod: false },
    };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('packs the app into app.asar, which onlyLoadAppFromAsar requires', () => {
    expect(build['asar']).toBe(true);
  });
});
