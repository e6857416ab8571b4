import { z } from 'zod';

// The extension's CSP forbids eval/new Function; zod must never try its JIT path.
// Every schema imports `z` from here, so this runs before any schema is built.
z.config({ jitless: true });

export { z };
