import { z } from 'zod';
import { configurePlainZodMessages } from '#shared/zod-messages.ts';

// zod 4 probes `new Function` on its first parse to decide whether to compile fast validators.
// Our Content-Security-Policy forbids eval, so that probe is a CSP violation in every browser
// (Firefox prints it). Interpreted validators are fast enough for forms.
z.config({ jitless: true });
// The forms share the server's schemas: their default messages in the same plain Portuguese.
configurePlainZodMessages();
