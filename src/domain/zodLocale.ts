import { z } from 'zod';

// Zod's built-in Japanese messages cover every check we do not word ourselves, so no English
// text from a validator can ever reach a clerk. Imported once by every schema module.
z.config(z.locales.ja());

export { z };
