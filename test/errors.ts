import { DomainError } from '../src/domain/errors.ts'

/** The DomainError code `fn` throws, or null if it does not throw. */
export function codeOf(fn: () => unknown): string | null {
  try {
    fn()
  } catch (e) {
    if (e instanceof DomainError) return e.code
    throw e
  }
  return null
}
