/**
 * Ed25519 with Web Crypto, the same code in the extension (Chrome, Firefox)
 * and in Node (the trainers' command): no library to trust, nothing to bundle.
 *
 * A public key travels as a short text: `cac-ed25519:` then the 32 bytes of the
 * raw key in base64url (55 characters). The private key stays with the trainer
 * (`cac-ed25519-secret:` then PKCS #8 in base64url), never in the extension.
 */

export const PUBLIC_KEY_PREFIX = 'cac-ed25519:';
export const SECRET_KEY_PREFIX = 'cac-ed25519-secret:';
const ED25519 = { name: 'Ed25519' } as const;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Base64 or base64url, whitespace ignored; null when it is not. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  try {
    const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The raw 32 bytes of a public key text, or null when the text is not one (a key file's text may carry spaces and lines). */
export function readPublicKey(text: string): Uint8Array | null {
  const found = /cac-ed25519:([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(text);
  if (!found?.[1]) return null;
  const raw = fromBase64(found[1]);
  return raw && raw.length === 32 ? raw : null;
}

/** The key in its one written form (`cac-ed25519:…`), or null. */
export function normalizePublicKey(text: string): string | null {
  const raw = readPublicKey(text);
  return raw ? `${PUBLIC_KEY_PREFIX}${toBase64Url(raw)}` : null;
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return [...(await sha256(bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether `signature` is the publisher's signature of exactly `data`. Never throws. */
export async function verifySignature(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, ED25519, false, ['verify']);
    return await crypto.subtle.verify(ED25519, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

/** For the trainers' command: a new key pair, as texts. */
export async function generateKeyPair(): Promise<{ publicKey: string; secretKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: `${PUBLIC_KEY_PREFIX}${toBase64Url(raw)}`, secretKey: `${SECRET_KEY_PREFIX}${toBase64Url(pkcs8)}` };
}

/** For the trainers' command: the signature of `data`, and the public key that checks it. */
export async function sign(secretKey: string, data: Uint8Array): Promise<{ signature: Uint8Array; publicKey: string }> {
  const found = /cac-ed25519-secret:([A-Za-z0-9_-]+)/.exec(secretKey);
  const pkcs8 = found?.[1] ? fromBase64(found[1]) : null;
  if (!pkcs8) throw new Error('not a secret key');
  const key = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, ED25519, true, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, key, data as BufferSource));
  // The public key is the JWK's `x` of the private key.
  const jwk = await crypto.subtle.exportKey('jwk', key);
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return { signature, publicKey: `${PUBLIC_KEY_PREFIX}${jwk.x}` };
}
