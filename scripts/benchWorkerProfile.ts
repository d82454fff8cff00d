/**
 * V8 CPU profiles of a page's dedicated workers (the export's, scripts/bench-export.ts): CDP
 * reaches a worker through its page's session (Target.setAutoAttach, then messages sent to the
 * worker's session inside it), as DevTools does. Only workers already running are profiled.
 */
import type { Page } from 'playwright-core';
import type { CpuProfile } from './benchProfile.ts';

interface Attached {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

/** Starts the profiler in each worker of `page` whose script URL contains `urlPart`. */
export async function startWorkerProfiles(page: Page, urlPart: string) {
  const cdp = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  const replies = new Map<number, (result: unknown) => void>();
  let nextId = 0;
  cdp.on('Target.attachedToTarget', (event: Attached) => {
    if (event.targetInfo.type === 'worker' && event.targetInfo.url.includes(urlPart))
      sessions.push(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
  });
  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  for (const sessionId of sessions) {
    await send(sessionId, 'Profiler.enable');
    await send(sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
    await send(sessionId, 'Profiler.start');
  }
  return async (): Promise<CpuProfile[]> => {
    const profiles: CpuProfile[] = [];
    for (const sessionId of sessions)
      profiles.push(((await send(sessionId, 'Profiler.stop')) as { profile: CpuProfile }).profile);
    await cdp.detach();
    return profiles;
  };
}
