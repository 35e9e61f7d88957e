// Staff authentication by Cloudflare Access (DESIGN.md, "Staff"). Every /api/v1/admin/* route and
// every /admin/* page goes through authenticateRequest (the API's middleware in
// functions/api/middleware/access.ts, the pages' in src/middleware.ts): the same verification,
// in production and locally. There is no switch that skips it — locally the keys are just
// different (ACCESS_JWKS, written by `npm run dev:keys`), and without any keys nothing gets in.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { cookieValue } from '../http/cookies';

export const staffRoles = ['reviewer', 'publisher', 'admin', 'complaints'] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * Who may do what, shared by the API routes and the console pages: reviewers decide cases,
 * publishers handle records and imports, admins everything.
 */
export const REVIEWERS = ['reviewer', 'admin'] as const;
export const PUBLISHERS = ['publisher', 'admin'] as const;
export const ADMINS = ['admin'] as const;
export const ANY_STAFF = ['reviewer', 'publisher', 'admin', 'complaints'] as const;
/**
 * 举报投诉 are handled by the labour inspectors who hold this role, and only by them: a
 * complainant's identity is visible only to the staff handling the case (条例 第九条), so not even
 * admins are let in by default.
 */
export const COMPLAINT_HANDLERS = ['complaints'] as const;

export const staffRoleLabels: Record<StaffRole, string> = {
  reviewer: '审核员',
  publisher: '发布员',
  admin: '系统管理员',
  complaints: '举报投诉承办人',
};

/** What Access adds to every request it lets through to the origin. */
export const ACCESS_HEADER = 'Cf-Access-Jwt-Assertion';
/** What Access sets in the browser; the header is preferred, the cookie is what a browser alone carries. */
export const ACCESS_COOKIE = 'CF_Authorization';
/** Access signs with RS256; ES256 is what `npm run dev:keys` and the tests use. Nothing else, never `none` or HMAC. */
export const ACCESS_ALGORITHMS = ['RS256', 'ES256'];
/** Far above any real Access token; a longer value is refused before any parsing. */
const MAX_TOKEN_LENGTH = 16 * 1024;

export interface Staff {
  /** Who is recorded in the audit log and on decisions: the email claim, else the subject (or a service token's common_name). */
  actor: string;
  email: string | null;
  roles: StaffRole[];
  /** Token expiry, seconds since the epoch. */
  expiresAt: number;
}

export interface AccessSettings {
  ACCESS_AUD?: string;
  ACCESS_ISSUER?: string;
  ACCESS_JWKS_URL?: string;
  /** Inline public JWKS (JSON) for local use; takes precedence over the URL when set. */
  ACCESS_JWKS?: string;
}

export type AccessResult =
  | { ok: true; staff: Staff }
  | { ok: false; status: 401 | 503; code: 'unauthenticated' | 'access_unavailable'; message: string; reason: string };

// Key sets live for the isolate's lifetime: jose's remote set caches the team's keys and refetches
// on an unknown `kid` (key rotation) with a cooldown, so a burst of bad tokens cannot hammer the JWKS URL.
const remoteKeySets = new Map<string, JWTVerifyGetKey>();
let localKeySet: { json: string; keys: JWTVerifyGetKey | null } | null = null;

function keySet(settings: AccessSettings): JWTVerifyGetKey | null {
  const inline = settings.ACCESS_JWKS?.trim();
  if (inline) {
    if (localKeySet?.json !== inline) {
      let keys: JWTVerifyGetKey | null = null;
      try {
        keys = createLocalJWKSet(JSON.parse(inline) as JSONWebKeySet);
      } catch (error) {
        console.error('ACCESS_JWKS is not a valid JWKS; every staff request is refused', error);
      }
      localKeySet = { json: inline, keys };
    }
    return localKeySet.keys;
  }
  const url = settings.ACCESS_JWKS_URL?.trim();
  if (!url) return null;
  let keys = remoteKeySets.get(url);
  if (!keys) {
    try {
      keys = createRemoteJWKSet(new URL(url));
    } catch (error) {
      console.error('ACCESS_JWKS_URL is not a valid URL; every staff request is refused', error);
      return null;
    }
    remoteKeySets.set(url, keys);
  }
  return keys;
}

/** The header first (Access adds it at the edge), else the cookie (a browser on 127.0.0.1 carries only that). */
export function readAccessToken(headers: Headers): string | null {
  const header = headers.get(ACCESS_HEADER)?.trim();
  if (header) return header;
  return cookieValue(headers.get('Cookie'), ACCESS_COOKIE);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Roles come from a `roles` claim, or from `groups` (Access passes IdP groups through), at the top
 * level or under `custom` (where Access puts OIDC/SAML custom claims). Unknown names are ignored.
 */
export function rolesFromClaims(payload: JWTPayload): StaffRole[] {
  const custom = isRecord(payload.custom) ? payload.custom : {};
  const names = [payload.roles, payload.groups, custom.roles, custom.groups].flatMap((v) =>
    Array.isArray(v) ? v : typeof v === 'string' ? [v] : [],
  );
  return staffRoles.filter((role) => names.includes(role));
}

/** The key set itself failed (unreachable, malformed): an outage on our side, told apart from a bad token. */
class KeySetUnavailable extends Error {}

/** Errors about the token's choice of key stay token errors (401); everything else the key set throws is ours (503). */
function guardKeySet(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSEAlgNotAllowed
      )
        throw error;
      throw new KeySetUnavailable('Access key set unavailable', { cause: error });
    }
  };
}

const failure = (reason: string, message = '请先通过统一身份认证登录管理后台。'): AccessResult => ({
  ok: false,
  status: 401,
  code: 'unauthenticated',
  message,
  reason,
});

/** Signature against the configured keys, `aud`, `iss` and `exp` — all of them, every time. */
export async function verifyAccessToken(token: string | null, settings: AccessSettings): Promise<AccessResult> {
  const audience = settings.ACCESS_AUD?.trim();
  const issuer = settings.ACCESS_ISSUER?.trim();
  const keys = keySet(settings);
  // Unconfigured means closed: a missing variable must never turn the console into an open one.
  if (!audience || !issuer || !keys) return failure('not_configured', '管理后台尚未配置统一身份认证，暂时无法登录。');
  if (!token) return failure('missing_token');
  if (token.length > MAX_TOKEN_LENGTH) return failure('invalid_token');
  try {
    const { payload } = await jwtVerify(token, guardKeySet(keys), {
      audience,
      issuer,
      algorithms: ACCESS_ALGORITHMS,
      requiredClaims: ['exp'],
    });
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const email = text(payload.email);
    // Access service tokens carry no email and an empty sub, only the client id as common_name.
    const actor = email ?? text(payload.sub) ?? text(payload.common_name);
    if (!actor) return failure('no_identity');
    return { ok: true, staff: { actor, email, roles: rolesFromClaims(payload), expiresAt: payload.exp! } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return failure('expired', '登录已过期，请重新登录。');
    // A key set that cannot be fetched is our outage, not the caller's fault — but still no entry.
    if (error instanceof KeySetUnavailable) {
      console.error('Access key set unavailable', error.cause);
      return {
        ok: false,
        status: 503,
        code: 'access_unavailable',
        message: '身份认证服务暂时不可用，请稍后再试。',
        reason: 'jwks_unavailable',
      };
    }
    return failure(error instanceof errors.JOSEError ? error.code : 'invalid_token');
  }
}

export function authenticateRequest(headers: Headers, settings: AccessSettings): Promise<AccessResult> {
  return verifyAccessToken(readAccessToken(headers), settings);
}

/** Roles are listed in full where they are required ('admin' included), so a route's declaration reads on its own. */
export const hasAnyRole = (staff: Staff, allowed: readonly StaffRole[]) => staff.roles.some((r) => allowed.includes(r));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser carrying the Access cookie would also carry it on a form posted from another site;
 * such a request announces itself by Origin or Sec-Fetch-Site, programmatic clients send neither.
 */
export function isCrossSiteWrite(method: string, url: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get('Sec-Fetch-Site') === 'cross-site') return true;
  const origin = headers.get('Origin');
  return origin !== null && origin !== new URL(url).origin;
}
