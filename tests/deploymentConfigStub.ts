import { vi } from 'vitest';
import { resetDeploymentConfig } from '../src/features/exchange/deploymentConfig.ts';

/**
 * Serves sonae.config.json to the next loadDeploymentConfig(): `body`'s keys on top of a valid
 * empty config, or 404 (no file: the defaults apply). Undo with vi.unstubAllGlobals().
 */
export function serveDeploymentConfig(body?: object): void {
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
}
