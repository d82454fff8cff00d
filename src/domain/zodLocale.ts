import { z } from 'zod';
import { ja } from 'zod/locales';

// Zod's Japanese messages cover every check we do not word ourselves, so no English text
// from a validator can ever reach a clerk. Imported by every schema module. (Importing the
// one locale, not `z.locales`, keeps the other forty-odd languages out of the bundle.)
z.config(ja());
// The app's Content-Security-Policy forbids eval: without this zod probes `new Function` once,
// which does nothing but makes Chromium report a CSP violation.
z.config({ jitless: true });

export { z };
