import { afterEach, describe, expect, it } from 'vitest';
import { flushUnsavedEdits, registerUnsavedEdits } from '../../../src/app/unsavedEdits.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const unregister of cleanups.splice(0)) unregister();
});

function register(flush: () => Promise<void>) {
  const unregister = registerUnsavedEdits(flush);
  cleanups.push(unregister);
  return unregister;
}

describe('unsaved edits registry', () => {
  it('resolves at once when nothing is registered', async () => {
    await expect(flushUnsavedEdits()).resolves.toBeUndefined();
  });

  it('runs every registered flush and waits for them all', async () => {
    const written: string[] = [];
    register(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push('incident');
    });
    register(async () => {
      written.push('system');
    });
    await flushUnsavedEdits();
    expect(written.sort()).toEqual(['incident', 'system']);
  });

  it('forgets a form once it unregisters', async () => {
    let calls = 0;
    const unregister = register(async () => {
      calls += 1;
    });
    await flushUnsavedEdits();
    unregister();
    await flushUnsavedEdits();
    expect(calls).toBe(1);
  });

  it('keeps two registrations of one function apart', async () => {
    let calls = 0;
    const flush = async () => {
      calls += 1;
    };
    const first = register(flush);
    register(flush);
    first();
    await flushUnsavedEdits();
    expect(calls).toBe(1);
  });

  it('rejects when a flush fails, after trying the others', async () => {
    let otherRan = false;
    register(async () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    register(async () => {
      otherRan = true;
    });
    await expect(flushUnsavedEdits()).rejects.toBeInstanceOf(AggregateError);
    expect(otherRan).toBe(true);
  });
});
