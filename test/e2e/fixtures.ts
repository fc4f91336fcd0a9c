import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { defaultRendererDir, startBrowserHost, type BrowserHost } from '../../src/host/browserHost';
import { createHostCore } from '../../src/host/hostCore';

/** Each test gets its own browser host, on its own port and data folder. */
export const test = base.extend<{ host: BrowserHost }>({
  host: async ({}, use) => {
    const core = await createHostCore({ dataDir: mkdtempSync(join(tmpdir(), 'airframe-e2e-')), demo: true });
    const host = await startBrowserHost(core.handlers, core.events, { rendererDir: defaultRendererDir, media: core.media });
    core.start();
    await use(host);
    await Promise.all([core.stop(), host.close()]);
  },
});

export { expect } from '@playwright/test';
