import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('hides invite tokens in API and page paths', () => {
    expect(redactUrl('/api/invites/abc_DEF-123/accept')).toBe('/api/invites/[redacted]/accept');
    expect(redactUrl('/api/invites/abc_DEF-123')).toBe('/api/invites/[redacted]');
    expect(redactUrl('/convite/abc_DEF-123?x=1')).toBe('/convite/[redacted]?x=1');
  });

  it('hides new-password tokens in API and page paths', () => {
    expect(redactUrl('/api/password-resets/abc_DEF-123')).toBe('/api/password-resets/[redacted]');
    expect(redactUrl('/nova-senha/abc_DEF-123')).toBe('/nova-senha/[redacted]');
  });

  it('hides secret query values and keeps the rest', () => {
    expect(redactUrl('/socket.io/?EIO=4&transport=polling&sid=Zm9v')).toBe('/socket.io/?EIO=4&transport=polling&sid=[redacted]');
    expect(redactUrl('/x?Token=1&page=2&%74oken=3')).toBe('/x?Token=[redacted]&page=2&%74oken=[redacted]');
    expect(redactUrl('/api/users?q=silva&page=2')).toBe('/api/users?q=silva&page=2');
    expect(redactUrl('/x?%zz=1')).toBe('/x?%zz=1');
  });
});
