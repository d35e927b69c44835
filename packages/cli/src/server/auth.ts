// Symbl-style tokens: a JWT (HS256) with an `exp` claim. `serve` signs them with a key kept in the store,
// so tokens outlive a restart and every server on one store accepts them. Clients send a token as
// `Authorization: Bearer TOKEN` or, like Symbl's own SDKs, as `x-api-key: TOKEN`.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const b64 = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

export interface TokenIssuer {
  issue(appId: string): { accessToken: string; expiresIn: number };
  verify(token: string): boolean;
}

export function tokenIssuer(options: { secret?: Buffer; lifetimeSeconds?: number; now?: () => number } = {}): TokenIssuer {
  const secret = options.secret ?? randomBytes(32);
  const lifetime = options.lifetimeSeconds ?? 86_400;
  const now = options.now ?? (() => Date.now());
  const sign = (data: string): string => b64(createHmac('sha256', secret).update(data).digest());
  return {
    issue(appId) {
      const iat = Math.floor(now() / 1000);
      const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      const body = b64(JSON.stringify({ sub: appId, iat, exp: iat + lifetime }));
      return { accessToken: `${head}.${body}.${sign(`${head}.${body}`)}`, expiresIn: lifetime };
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return false;
      const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
      const given = Buffer.from(parts[2]);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
      try {
        const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown; iat?: unknown };
        if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return false;
        // Never longer-lived than this server issues, whatever a token says.
        if (claims.exp - claims.iat > lifetime) return false;
        return claims.exp * 1000 > now();
      } catch {
        return false;
      }
    },
  };
}

/** The token a request carries, from either header. */
export function tokenOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''))?.[1];
  const key = headers['x-api-key'];
  return bearer ?? (typeof key === 'string' && key !== '' ? key : undefined);
}
