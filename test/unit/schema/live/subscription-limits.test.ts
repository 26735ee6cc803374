import { describe, expect, it } from 'vitest';
import { createSubscriptionLimits } from '../../../../src/schema/live/subscription-limits.ts';

describe('createSubscriptionLimits', () => {
  it('refuses past the limit per principal and per connection, and counts a release once', () => {
    const limits = createSubscriptionLimits({ perPrincipal: 2, perConnection: 1 });
    const socket = {};
    const one = limits.admit('p', null);
    limits.admit('p', null);
    expect(() => limits.admit('p', null)).toThrow(
      expect.objectContaining({ extensions: { code: 'SUBSCRIPTION_LIMIT', limit: 2 } }),
    );
    one();
    one();
    expect(limits.openFor('p')).toBe(1);
    limits.admit('q', socket);
    expect(() => limits.admit('r', socket)).toThrow(/per connection/);
    expect(limits.openFor('r')).toBe(0);
  });
});
