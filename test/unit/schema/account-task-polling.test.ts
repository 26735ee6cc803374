import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLL,
  pollUntil,
  showsPatch,
  statesEndValues,
  valueAtPointer,
} from '../../../src/schema/accounts/task-polling.ts';

/** Polling options whose waits are recorded, not slept. */
function recordingPoll() {
  const waits: number[] = [];
  return { waits, options: { ...DEFAULT_POLL, sleep: async (ms: number) => waits.push(ms) } };
}

describe('pollUntil', () => {
  it('reads until the change shows, waiting longer each time', async () => {
    const { waits, options } = recordingPoll();
    let reads = 0;
    const outcome = await pollUntil(
      async () => ++reads,
      (value) => value === 4,
      options,
    );
    expect(outcome).toEqual({ value: 4, completed: true, reads: 4 });
    expect(waits).toEqual([100, 200, 400, 800]);
  });

  it('gives up after the bound, with the last value read', async () => {
    const { waits, options } = recordingPoll();
    const outcome = await pollUntil(
      async () => 'still',
      () => false,
      options,
    );
    expect(outcome).toEqual({ value: 'still', completed: false, reads: 8 });
    expect(waits).toEqual([100, 200, 400, 800, 1600, 2000, 2000, 2000]);
  });

  it('stops without completion when a read fails', async () => {
    const { options } = recordingPoll();
    let reads = 0;
    const outcome = await pollUntil(
      async () => {
        if (++reads === 2) throw new Error('unavailable');
        return reads;
      },
      () => false,
      options,
    );
    expect(outcome).toEqual({ value: 1, completed: false, reads: 2 });
  });
});

describe('whether an account shows a patch', () => {
  const account = { identityId: 'i1', manuallyCorrelated: true, attributes: { title: 'x', 'a/b': { c: 1 } } };

  it('looks values up by JSON Pointer', () => {
    expect(valueAtPointer(account, '/attributes/a~1b/c')).toBe(1);
    expect(valueAtPointer(account, '/attributes/missing/deeper')).toBeUndefined();
  });

  it('compares added and replaced values, and removed paths', () => {
    expect(showsPatch(account, [{ op: 'replace', path: '/identityId', value: 'i1' }])).toBe(true);
    expect(showsPatch(account, [{ op: 'add', path: '/attributes/a~1b', value: { c: 1 } }])).toBe(true);
    expect(showsPatch(account, [{ op: 'add', path: '/attributes/title', value: 'y' }])).toBe(false);
    expect(showsPatch(account, [{ op: 'remove', path: '/attributes/gone' }])).toBe(true);
    expect(showsPatch(account, [{ op: 'remove', path: '/identityId' }])).toBe(false);
  });

  it('knows which patches state their end values', () => {
    expect(
      statesEndValues([
        { op: 'add', path: '/attributes/x', value: 1 },
        { op: 'remove', path: '/a' },
      ]),
    ).toBe(true);
    expect(statesEndValues([{ op: 'add', path: '/attributes/list/-', value: 1 }])).toBe(false);
    expect(statesEndValues([{ op: 'move', path: '/a', from: '/b' }])).toBe(false);
  });
});
