/** Markup that is already safe to send: built by `html` or marked with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[]

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
}

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c)

function render(v: HtmlValue): string {
  if (v instanceof SafeHtml) return v.value
  if (Array.isArray(v)) return v.map(render).join('')
  if (v === null || v === undefined || v === false || v === true) return ''
  return escapeHtml(String(v))
}

/**
 * Auto-escaping template: every interpolated value is text unless it is already SafeHtml, so user
 * words can never become markup. `false`, `null` and `undefined` render nothing, for conditionals.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '')
  return new SafeHtml(out)
}

/** The escape hatch, for markup that is safe by construction (never for user text). */
export const raw = (s: string): SafeHtml => new SafeHtml(s)

/** Joins fragments (or text) into one fragment. */
export const join = (parts: HtmlValue[], sep: HtmlValue = ''): SafeHtml =>
  new SafeHtml(parts.map(render).join(render(sep)))

/** Renders plain text with paragraphs and line breaks preserved, escaped. */
export function paragraphs(text: string): SafeHtml {
  const paras = text
    .trim()
    .split(/\n{2,}/)
    .map(
      (p) =>
        html`<p>${join(
          p.split('\n').map((line) => html`${line}`),
          raw('<br>'),
        )}</p>`,
    )
  return join(paras)
}
