import type { z } from 'zod'
import type { FieldError } from './layout/components.ts'

/**
 * Turns the API schema's complaints about a form into one message per form field, so pages check
 * exactly what the API checks. `fields` maps each schema path (`organisation.slug`) to the form
 * field that holds it and the sentence a person should read; an unmapped path keeps Zod's words.
 */
export function formErrors(
  error: z.ZodError,
  fields: Record<string, { field: string; message: string }>,
): FieldError[] {
  const out = new Map<string, string>()
  for (const issue of error.issues) {
    const path = issue.path.join('.')
    const f = fields[path] ?? { field: path, message: issue.message }
    if (!out.has(f.field)) out.set(f.field, f.message)
  }
  return [...out].map(([field, message]) => ({ field, message }))
}
