// A platform's webhook secret at rest (functions/db/schema.ts, webhook_subscriptions.secret_sealed).
// HMAC signing needs the secret itself, so it cannot be stored as a hash; it is sealed with
// AES-256-GCM under the Worker secret WEBHOOK_SECRET_KEY (32 bytes, base64url), so a copy of the
// database alone does not let anyone sign as the bureau. The endpoint URL is bound in as additional
// data: a sealed secret moved onto another subscription does not open.
import { DomainError } from '../domain/errors';
import { fromBase64url, toBase64url } from '../domain/base64url';
import { secret } from './secrets';

const VERSION = 'v1';
const encoder = new TextEncoder();

async function sealingKey(env: object): Promise<CryptoKey> {
  const raw = fromBase64url(secret(env, 'WEBHOOK_SECRET_KEY') ?? '');
  if (raw?.length !== 32) {
    console.error('WEBHOOK_SECRET_KEY is missing or not 32 bytes of base64url: webhooks can be neither registered nor signed');
    throw new DomainError('unavailable', 'webhooks_unavailable', '未配置 Webhook 密钥（WEBHOOK_SECRET_KEY），暂时无法登记或推送。');
  }
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function sealWebhookSecret(env: object, plain: string, url: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(url) },
    await sealingKey(env),
    encoder.encode(plain),
  );
  return `${VERSION}.${toBase64url(iv)}.${toBase64url(new Uint8Array(sealed))}`;
}

/** The secret, or null when the value does not open under the current key (rotated key, moved row). */
export async function openWebhookSecret(env: object, sealed: string, url: string): Promise<string | null> {
  const [version, ivText, dataText] = sealed.split('.');
  const iv = fromBase64url(ivText ?? '');
  const data = fromBase64url(dataText ?? '');
  if (version !== VERSION || !iv || !data) return null;
  const key = await sealingKey(env);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(url) }, key, data);
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** A new secret when staff do not bring one agreed with the platform: 32 random bytes. */
export const newWebhookSecret = () => `whsec_${toBase64url(crypto.getRandomValues(new Uint8Array(32)))}`;
