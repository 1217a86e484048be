import { describe, expect, it } from 'vitest';
import { sessionIdOf } from './sdp';

describe('sessionIdOf', () => {
  it('reads the origin session id', () => {
    const sdp = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
    expect(sessionIdOf(sdp)).toBe('4611731400430051336');
    expect(sessionIdOf('v=0\r\ns=-\r\n')).toBeNull();
    expect(sessionIdOf(undefined)).toBeNull();
  });
});
