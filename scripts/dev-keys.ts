// npm run dev:keys — local sign-in for the staff console without a bypass.
//
// Production trusts Cloudflare Access: tokens signed by the team's keys (ACCESS_JWKS_URL). Locally
// there is no Access, so this script makes a key pair of our own, puts its public half in
// .dev.vars as ACCESS_JWKS (the Worker then verifies local tokens exactly as it verifies Access
// tokens), keeps the private half in .dev-keys/ (never committed), and prints a signed token. It
// also adds to .dev.vars the local secrets that sign audit checkpoints and credit reports and the
// CSRF secret (scripts/lib/local-secrets.ts), keeping any already there.
//
//   npm run dev:keys -- --secrets-only            only the secrets (npm start runs this)
//   npm run dev:keys -- --signing-key audit       print a new signing key, for `wrangler secret put`
//
//   npm run dev:keys                              token for role admin, valid 8 hours
//   npm run dev:keys -- --role reviewer --email li.ming@example.gov.cn --hours 2
//   npm run dev:keys -- --rotate                  new key pair (old tokens stop working)
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { ensureLocalSecrets, newSigningKey } from './lib/local-secrets.ts';

const root = resolve(import.meta.dirname, '..');
const keyDir = resolve(root, '.dev-keys');
const privatePath = resolve(keyDir, 'private.jwk.json');
const devVarsPath = resolve(root, '.dev.vars');
const ROLES = ['reviewer', 'publisher', 'admin'];

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    email: { type: 'string', default: 'developer@127.0.0.1' },
    hours: { type: 'string', default: '8' },
    rotate: { type: 'boolean', default: false },
    'secrets-only': { type: 'boolean', default: false },
    'signing-key': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run dev:keys -- [--role admin|publisher|reviewer]... [--email you@example] [--hours 8] [--rotate] [--secrets-only]\n' +
      '       npm run dev:keys -- --signing-key audit|report',
  );
  process.exit(0);
}

// A production key is made the same way and only printed, to pipe into `wrangler secret put`.
if (values['signing-key'] !== undefined) {
  const purpose = values['signing-key'];
  if (purpose !== 'audit' && purpose !== 'report') {
    console.error('--signing-key takes audit or report.');
    process.exit(1);
  }
  console.log(await newSigningKey(purpose));
  process.exit(0);
}

const added = await ensureLocalSecrets(devVarsPath);
if (added.length) console.log(`Added ${added.join(', ')} to .dev.vars.`);
if (values['secrets-only']) process.exit(0);

const roles = (values.role ?? ['admin']).flatMap((r) => r.split(','));
for (const role of roles) {
  if (!ROLES.includes(role)) {
    console.error(`Unknown role “${role}”. Roles: ${ROLES.join(', ')}.`);
    process.exit(1);
  }
}
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0 || hours > 24) {
  console.error('--hours must be a number between 0 and 24.');
  process.exit(1);
}

/** `KEY = "value"` lines of wrangler.toml's [vars] table; enough for the two settings read here. */
function wranglerVars(): Record<string, string> {
  const text = readFileSync(resolve(root, 'wrangler.toml'), 'utf8');
  const vars: Record<string, string> = {};
  let inVars = false;
  for (const line of text.split(/\r?\n/)) {
    const table = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (table) inVars = table[1]!.trim() === 'vars';
    const pair = inVars ? /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]*)"/.exec(line) : null;
    if (pair) vars[pair[1]!] = pair[2]!;
  }
  return vars;
}

/** .dev.vars in dotenv form: KEY=value or KEY='value'. */
function devVars(): { lines: string[]; values: Record<string, string> } {
  const lines = existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8').split(/\r?\n/) : [];
  const found: Record<string, string> = {};
  for (const line of lines) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (m) found[m[1]!] = m[2]!.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
  }
  return { lines, values: found };
}

async function loadOrCreateKey(): Promise<{ privateJwk: JWK; created: boolean }> {
  if (existsSync(privatePath) && !values.rotate) {
    return { privateJwk: JSON.parse(readFileSync(privatePath, 'utf8')) as JWK, created: false };
  }
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const privateJwk: JWK = { ...jwk, alg: 'ES256', use: 'sig', kid: `dev-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}` };
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  writeFileSync(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  return { privateJwk, created: true };
}

const { privateJwk, created } = await loadOrCreateKey();
const { d: _secret, ...publicJwk } = privateJwk;
const jwks = JSON.stringify({ keys: [publicJwk] });

// Other lines of .dev.vars (other settings, comments) stay as they are; only ours are replaced.
const MARK = '# Public key of .dev-keys/private.jwk.json, written by `npm run dev:keys`; local use only.';
const current = devVars();
const kept = current.lines.filter((l) => !/^\s*ACCESS_JWKS\s*=/.test(l) && l !== MARK);
while (kept.length > 0 && kept.at(-1) === '') kept.pop();
writeFileSync(devVarsPath, `${[...kept, MARK, `ACCESS_JWKS='${jwks}'`].join('\n')}\n`);

const settings = { ...wranglerVars(), ...current.values };
const audience = settings.ACCESS_AUD;
const issuer = settings.ACCESS_ISSUER;
if (!audience || !issuer) {
  console.error('ACCESS_AUD and ACCESS_ISSUER must be set in wrangler.toml [vars] or .dev.vars.');
  process.exit(1);
}

const key = await importJWK(privateJwk, 'ES256');
const token = await new SignJWT({ email: values.email, roles })
  .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid!, typ: 'JWT' })
  .setSubject(values.email!)
  .setAudience(audience)
  .setIssuer(issuer)
  .setIssuedAt()
  .setExpirationTime(`${hours}h`)
  .sign(key);

const port = process.env.PORT ?? '8787';
console.log(`${created ? 'Created a new key pair' : 'Reused the key pair'} in .dev-keys/ (keep it out of git) and wrote its public JWKS to .dev.vars as ACCESS_JWKS.
Token for ${values.email} with role ${roles.join(', ')}, audience ${audience}, issuer ${issuer}, valid ${hours} h:

${token}

Use it:
  1. Restart the local server so it reads .dev.vars (npm run dev, or npm run build && npm run serve).
  2. Browser: open http://127.0.0.1:${port}/admin/login, paste the token and sign in. The page keeps it
     in the CF_Authorization cookie (HttpOnly, SameSite=Strict), the cookie Cloudflare Access sets in
     production; every request verifies it again (signature, audience, issuer, expiry).
  3. API: curl -H 'Cf-Access-Jwt-Assertion: <token>' http://127.0.0.1:${port}/api/v1/admin/me
Other roles: npm run dev:keys -- --role reviewer (or publisher). New keys: npm run dev:keys -- --rotate`);
