import { vi } from 'vitest';
import {
  loadDeploymentConfig,
  resetDeploymentConfig,
} from '../src/features/exchange/deploymentConfig.ts';

/**
 * Serves sonae.config.json to the next loadDeploymentConfig(): `body`'s keys on top of a valid
 * empty config, or 404 (no file: the defaults apply), and reads it once, as the app's background
 * fetch does, so its settings are stored for the screens. Undo with vi.unstubAllGlobals().
 */
export async function serveDeploymentConfig(body?: object): Promise<void> {
  resetDeploymentConfig();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      body
        ? new Response(
            JSON.stringify({ format: 'sonae-config', version: 1, trustedKeys: [], ...body }),
          )
        : new Response('', { status: 404 }),
    ),
  );
  await loadDeploymentConfig();
}
