/**
 * The IT section's deployment config beside index.html. Its own module: the service worker code
 * on the first screen needs the name only, not the config's parser (zod, the key code).
 */
export const DEPLOYMENT_CONFIG_FILE = 'sonae.config.json';
