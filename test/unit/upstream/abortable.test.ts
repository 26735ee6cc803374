import { describe, expect, it } from 'vitest';
import { raceAbort } from '../../../src/upstream/abortable.ts';

describe('raceAbort', () => {
  it('rejects with the reason as soon as the signal aborts, and releases a late value', async () => {
    const controller = new AbortController();
    let resolveLate: (value: string) => void = () => {};
    const late = new Promise<string>((resolve) => {
      resolveLate = resolve;
    });
    const released: string[] = [];
    const raced = raceAbort(late, controller.signal, (value) => released.push(value));
    controller.abort(new Error('deadline'));
    await expect(raced).rejects.toThrow('deadline');
    resolveLate('body');
    await late;
    expect(released).toEqual(['body']);
  });

  it('passes the value or the error through when the signal stays quiet', async () => {
    const signal = new AbortController().signal;
    await expect(raceAbort(Promise.resolve(1), signal)).resolves.toBe(1);
    await expect(raceAbort(Promise.reject(new Error('no')), signal)).rejects.toThrow('no');
  });

  it('rejects at once for a signal aborted before', async () => {
    const controller = new AbortController();
    controller.abort(new Error('ended'));
    await expect(raceAbort(new Promise(() => {}), controller.signal)).rejects.toThrow('ended');
  });
});
