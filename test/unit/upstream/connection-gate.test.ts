import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { createConnectionGate } from '../../../src/upstream/connection-gate.ts';

type Handler = Dispatcher.DispatchHandler;

/** A dispatch that holds every attempt until the test ends it, as a pool of slow connections would. */
function heldDispatch() {
  const started: { path: string; handler: Handler }[] = [];
  const dispatch = ((options: Dispatcher.DispatchOptions, handler: Handler) => {
    started.push({ path: options.path, handler });
    return true;
  }) as Dispatcher['dispatch'];
  const controller = { aborted: false } as unknown as Dispatcher.DispatchController;
  const end = (index: number) => started[index].handler.onResponseEnd?.(controller, {});
  const fail = (index: number) => started[index].handler.onResponseError?.(controller, new Error('reset'));
  return { dispatch, started, end, fail };
}

function call(path: string, signal?: AbortSignal) {
  const errors: unknown[] = [];
  const handler: Handler = {
    onRequestStart() {},
    onResponseError(_controller, error) {
      errors.push(error);
    },
  };
  const options = {
    origin: 'https://tenant.test',
    path,
    method: 'GET',
    signal,
  } as Dispatcher.DispatchOptions;
  return { handler, options, errors };
}

describe('the connection gate', () => {
  it('lets as many calls through as there are connections, the others in order as each ends or fails', () => {
    const held = heldDispatch();
    const gated = createConnectionGate(2)(held.dispatch);
    for (const path of ['/a', '/b', '/c', '/d']) {
      const { options, handler } = call(path);
      gated(options, handler);
    }
    expect(held.started.map((s) => s.path)).toEqual(['/a', '/b']);
    held.end(0);
    expect(held.started.map((s) => s.path)).toEqual(['/a', '/b', '/c']);
    held.fail(1);
    expect(held.started.map((s) => s.path)).toEqual(['/a', '/b', '/c', '/d']);
  });

  it('drops a waiting call whose signal aborts, telling it the reason, and never starts it', () => {
    const held = heldDispatch();
    const gated = createConnectionGate(1)(held.dispatch);
    gated(call('/first').options, call('/first').handler);
    const controller = new AbortController();
    const waiting = call('/gone', controller.signal);
    gated(waiting.options, waiting.handler);
    const after = call('/after');
    gated(after.options, after.handler);
    const reason = new Error('the request ended');
    controller.abort(reason);
    expect(waiting.errors).toEqual([reason]);
    held.end(0);
    expect(held.started.map((s) => s.path)).toEqual(['/first', '/after']);
  });

  it('refuses at once a call whose signal is already aborted while the line is full', () => {
    const held = heldDispatch();
    const gated = createConnectionGate(1)(held.dispatch);
    gated(call('/first').options, call('/first').handler);
    const late = call('/late', AbortSignal.abort(new Error('too late')));
    gated(late.options, late.handler);
    expect(late.errors).toHaveLength(1);
    held.end(0);
    expect(held.started.map((s) => s.path)).toEqual(['/first']);
  });

  it('gives a place back once, whatever the attempt reports after its end', () => {
    const held = heldDispatch();
    const gated = createConnectionGate(1)(held.dispatch);
    for (const path of ['/a', '/b', '/c']) gated(call(path).options, call(path).handler);
    held.end(0);
    held.fail(0);
    expect(held.started.map((s) => s.path)).toEqual(['/a', '/b']);
  });

  it('keeps one line per origin', () => {
    const held = heldDispatch();
    const gated = createConnectionGate(1)(held.dispatch);
    const one = call('/one');
    const other = call('/other');
    gated(one.options, one.handler);
    gated({ ...other.options, origin: 'https://other.test' }, other.handler);
    expect(held.started.map((s) => s.path)).toEqual(['/one', '/other']);
  });

  it('frees the place of a call the pool refuses at once', () => {
    const held = heldDispatch();
    let refuse = true;
    const dispatch = ((options: Dispatcher.DispatchOptions, handler: Handler) => {
      if (refuse) throw new Error('closed');
      return held.dispatch(options, handler);
    }) as Dispatcher['dispatch'];
    const gated = createConnectionGate(1)(dispatch);
    expect(() => gated(call('/refused').options, call('/refused').handler)).toThrow('closed');
    refuse = false;
    gated(call('/next').options, call('/next').handler);
    expect(held.started.map((s) => s.path)).toEqual(['/next']);
  });
});
