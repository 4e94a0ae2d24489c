import { createHash, createHmac, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/** A fresh unguessable token for links and cookies (256 bits). */
export const newToken = () => randomBytes(32).toString('base64url')

/** Tokens are stored hashed, so a leaked database holds no usable links or sessions. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

export const keyedHash = (secret: string, value: string) =>
  createHmac('sha256', secret).update(value).digest('base64url')

// argon2id (the library default) with OWASP's second recommended setting: 19 MiB, 2 passes.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export const hashPassword = (password: string) => hash(password, ARGON)
export const checkPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password)
