import type { Organisation } from '../../domain/types.ts'
import type { Flash } from '../flash.ts'
import { type HtmlValue, html, paragraphs, type SafeHtml } from '../html.ts'

/** The organisation's guidance for emergencies: on every chat page and beside the question form. */
export function emergencyBox(org: Organisation, headingLevel: 2 | 3 = 2): SafeHtml {
  const heading =
    headingLevel === 2 ? html`<h2>If you need help now</h2>` : html`<h3>If you need help now</h3>`
  return html`<aside class="help-box" aria-label="If you need help now">
  ${heading}
  <p>${org.emergencyGuidance}</p>
  <p class="small">This chat is not monitored for emergencies and questions may take a while to appear.</p>
</aside>`
}

export function flashNotice(f: Flash): SafeHtml {
  const role = f.kind === 'error' ? 'alert' : 'status'
  return html`<div class="notice ${f.kind}" role="${role}" tabindex="-1" id="flash">
  <h2>${f.title}</h2>
  ${f.body ? html`<p>${f.body}</p>` : ''}
  ${f.guidance ? html`<div class="help-box"><h3>If you need help now</h3>${paragraphs(f.guidance)}</div>` : ''}
  ${f.link ? html`<div class="field"><label for="flash-link">Link</label><input id="flash-link" type="text" readonly value="${f.link}" data-copy></div>` : ''}
</div>`
}

export interface FieldError {
  field: string
  message: string
}

/** GOV.UK-style error summary linking to each field with a problem. */
export function errorSummary(errors: FieldError[]): HtmlValue {
  if (errors.length === 0) return ''
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
  <h2>There is a problem</h2>
  <ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`
}

export const errorFor = (errors: FieldError[], field: string) =>
  errors.find((e) => e.field === field)

/** A labelled text input or textarea with hint and error, all tied together for screen readers. */
export function field(opts: {
  name: string
  label: string
  value?: string | null
  hint?: string
  type?: string
  textarea?: boolean
  rows?: number
  errors?: FieldError[]
  required?: boolean
  autocomplete?: string
  maxlength?: number
  id?: string
  extra?: HtmlValue
}): SafeHtml {
  const id = opts.id ?? opts.name
  const err = opts.errors && errorFor(opts.errors, opts.name)
  const described = [opts.hint ? `${id}-hint` : '', err ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ')
  const common = html`id="${id}" name="${opts.name}"${described ? html` aria-describedby="${described}"` : ''}${err ? html` aria-invalid="true"` : ''}${opts.required ? html` required` : ''}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}${opts.maxlength ? html` maxlength="${opts.maxlength}"` : ''}`
  return html`<div class="field${err ? ' has-error' : ''}">
  <label for="${id}">${opts.label}</label>
  ${opts.hint ? html`<span class="hint" id="${id}-hint">${opts.hint}</span>` : ''}
  ${err ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${err.message}</span>` : ''}
  ${
    opts.textarea
      ? html`<textarea ${common} rows="${opts.rows ?? 5}">${opts.value ?? ''}</textarea>`
      : html`<input ${common} type="${opts.type ?? 'text'}" value="${opts.value ?? ''}">`
  }
  ${opts.extra ?? ''}
</div>`
}

export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`
