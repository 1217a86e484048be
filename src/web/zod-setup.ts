import { config } from 'zod/v4/core';
import { plainZodMessage } from '#shared/zod-messages.ts';

// Only zod's settings, not zod itself: zod (~94 KB) loads with the first page that has a form or
// a schema, not with the entry every first screen evaluates (docs/decisions/014-first-load-on-a-phone.md).
// The settings are global (zod keeps them on globalThis): they hold for the zod those pages load.
config({
  // zod 4 probes `new Function` on its first parse to decide whether to compile fast validators.
  // Our Content-Security-Policy forbids eval, so that probe is a CSP violation in every browser
  // (Firefox prints it). Interpreted validators are fast enough for forms.
  jitless: true,
  // The forms share the server's schemas: their default messages in the same plain Portuguese.
  customError: plainZodMessage,
});
