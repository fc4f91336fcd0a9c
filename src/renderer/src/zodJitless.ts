import { z } from 'zod';

// The renderer's CSP has no 'unsafe-eval'. Zod's JIT would probe `Function('')` when the
// contract's schemas are built, which the CSP refuses and reports as a violation; the
// interpreted parser is fast enough for IPC messages. Imported first by main.tsx, so this
// runs before any schema exists.
z.config({ jitless: true });
