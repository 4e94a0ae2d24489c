import type { z } from 'zod'
import type { FieldError } from './layout/components.ts'

/**
 * Turns the API schema's complaints about a form into one message per form field, so pages check
 * exactly what the API checks. `fields` maps each schema path (`organisation.slug`) to the form
 * field that holds it and the sentence a person should read, in the order the fields appear on the
 * page (the error summary follows it); an unmapped path keeps Zod's words and goes last.
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
  const order = Object.values(fields).map((f) => f.field)
  // A hidden input's problems are told at a visible field, so that field's place is its last.
  const rank = (field: string) => (order.includes(field) ? order.lastIndexOf(field) : order.length)
  return [...out]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => rank(a.field) - rank(b.field))
}
