import { parseCookie } from 'cookie';
import { describe, expect, it } from 'vitest';
import { stateCookieHeader } from './session';

describe('the OIDC state cookie handed back to the server', () => {
  it('is one cookie with the value as the browser sent it, whatever the value holds', () => {
    for (const value of ['eyJhbGciOiJkaXIi.x.y.z', 'a; sportello_oidc=forged', 'b=c, d', '100% é']) {
      const { cookie } = stateCookieHeader('sportello_oidc', value);
      expect(parseCookie(cookie!)).toEqual({ sportello_oidc: value });
    }
  });

  it('a value that cannot be a cookie (a lone surrogate) is not sent', () => {
    expect(stateCookieHeader('sportello_oidc', 'x\ud800')).toEqual({});
  });
});
