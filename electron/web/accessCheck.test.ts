import { describe, expect, it } from 'vitest';
import { cookieName, createSecret, isAllowedHost, sessionCookie } from './accessCheck';

describe('the web host’s access rules', () => {
  it('answers only to its own names and port in the Host header', () => {
    expect(isAllowedHost('127.0.0.1:5180', 5180)).toBe(true);
    expect(isAllowedHost('localhost:5180', 5180)).toBe(true);
    expect(isAllowedHost('evil.example:5180', 5180)).toBe(false);
    expect(isAllowedHost('127.0.0.1:5181', 5180)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 5180)).toBe(false);
    expect(isAllowedHost(undefined, 5180)).toBe(false);
  });

  it('makes a new unguessable secret at every start and keeps it in a cookie scripts cannot read', () => {
    const secret = createSecret();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(createSecret()).not.toBe(secret);
    expect(sessionCookie(5180, secret)).toBe(`${cookieName(5180)}=${secret}; Path=/; HttpOnly; SameSite=Strict`);
    expect(cookieName(5180)).not.toBe(cookieName(5181));
  });
});
