import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/** Seals connector credentials at rest; the key never leaves the process. */
export interface Keyring {
  /** Encrypts `plain`, bound to `context` (e.g. the account row), so a sealed value cannot be moved. */
  seal(plain: string, context: string): string
  open(sealed: string, context: string): string
}

const VERSION = 'v1'

/**
 * [N2] AES-256-GCM with a random 96-bit nonce per value. `CONNECTOR_KEY` is either 32 random
 * bytes in base64 (e.g. `openssl rand -base64 32`) or a passphrase of 32+ characters, stretched
 * with HKDF-SHA256.
 */
export function keyringFrom(secret: string): Keyring {
  const key = deriveKey(secret)
  return {
    seal(plain, context) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(context))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      const tag = cipher.getAuthTag()
      return [VERSION, iv, tag, body].map((p) => (typeof p === 'string' ? p : b64(p))).join('.')
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== VERSION || !iv || !tag || body === undefined) {
        throw new Error('sealed credentials are in an unknown format')
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(context))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      const plain = Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ])
      return plain.toString('utf8')
    },
  }
}

const b64 = (b: Buffer) => b.toString('base64url')

function deriveKey(secret: string): Buffer {
  const raw = Buffer.from(secret, 'base64')
  if (raw.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(secret)) return raw
  if (secret.length < 32)
    throw new Error('CONNECTOR_KEY must be 32 bytes of base64 or 32+ characters')
  return Buffer.from(hkdfSync('sha256', secret, 'askhour', 'connector-credentials', 32))
}
