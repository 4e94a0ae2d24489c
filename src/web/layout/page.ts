import type { Organisation } from '../../domain/types.ts'
import { assetUrl } from '../assets.ts'
import { brandTheme } from '../colour.ts'
import type { Flash } from '../flash.ts'
import { type HtmlValue, html, type SafeHtml } from '../html.ts'
import { emergencyBox, flashNotice } from './components.ts'

export interface StaffNav {
  name: string
  csrf: string
  /** Links of the current context (chat or organisation), shown under the band. */
  links?: Array<{ href: string; label: string; current?: boolean }>
}

export interface PageOptions {
  title: string
  description?: string
  org?: Organisation | null
  flash?: Flash | null
  /** Extra <head> markup (Open Graph, feeds); built with `html`, so escaped. */
  head?: SafeHtml
  /** Asset names of scripts to load (deferred). */
  scripts?: string[]
  staff?: StaffNav | null
  bodyClass?: string
  /** Hide the site header and footer (presenter and embed views). */
  bare?: boolean
  body: HtmlValue
}

/** The link to an organisation's brand stylesheet (colours cannot be inline under the CSP). */
export function themeHref(org: Organisation): string {
  const t = brandTheme(org.brandColour)
  return `/o/${org.slug}/theme.css?v=${t.band.slice(1)}${t.onBand.slice(1)}`
}

/** A logo is shown only when it is served from this site: pages make no third-party requests. */
export function selfHostedLogo(org: Organisation): string | null {
  const u = org.logoUrl
  if (!u) return null
  if (u.startsWith('/') && !u.startsWith('//')) return u
  if (u.startsWith('data:image/')) return u
  return null
}

function band(opts: PageOptions): SafeHtml {
  const org = opts.org
  const logo = org && selfHostedLogo(org)
  return html`<header class="band">
  <div class="wrap">
    ${
      org
        ? html`<a class="brand" href="/o/${org.slug}">${logo ? html`<img src="${logo}" alt="">` : ''}<span>${org.name}</span></a>`
        : html`<a class="brand" href="/">Askhour</a>`
    }
    ${opts.staff ? html`<nav aria-label="Account"><ul><li><a href="/staff">Your organisations</a></li><li><span>${opts.staff.name}</span></li></ul></nav>` : org ? html`<span class="product">Questions answered live</span>` : ''}
  </div>
</header>`
}

function staffBar(s: StaffNav): SafeHtml {
  return html`<div class="staff-bar"><div class="wrap">
  ${
    s.links?.length
      ? html`<nav aria-label="This chat"><ul>${s.links.map(
          (l) =>
            html`<li><a href="${l.href}"${l.current ? html` aria-current="page"` : ''}>${l.label}</a></li>`,
        )}</ul></nav>`
      : ''
  }
  <form method="post" action="/staff/sign-out"><input type="hidden" name="_csrf" value="${s.csrf}"><button class="link-button" type="submit">Sign out</button></form>
</div></div>`
}

/** The document shell every page shares. */
export function page(opts: PageOptions): SafeHtml {
  const description = opts.description ?? 'Questions answered live by the people who know.'
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<meta name="description" content="${description}">
<meta name="referrer" content="strict-origin-when-cross-origin">
<link rel="icon" href="${assetUrl('icon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${assetUrl('site.css')}">
${opts.org ? html`<link rel="stylesheet" href="${themeHref(opts.org)}">` : ''}
${opts.staff ? html`<meta name="csrf-token" content="${opts.staff.csrf}">` : ''}
${opts.head ?? ''}
${(opts.scripts ?? []).map((s) => html`<script src="${assetUrl(s)}" defer></script>`)}
</head>
<body${opts.bodyClass ? html` class="${opts.bodyClass}"` : ''}>
${opts.bare ? '' : html`<a class="skip-link" href="#main">Skip to main content</a>${band(opts)}${opts.staff ? staffBar(opts.staff) : ''}`}
<main id="main" class="wrap" tabindex="-1">
${opts.flash ? flashNotice(opts.flash) : ''}
${opts.body}
</main>
${
  opts.bare
    ? ''
    : html`<footer class="site-footer"><div class="wrap">
  <p>Powered by Askhour, open-source software for public services answering questions in the open.${opts.org ? html` ${opts.org.name} chooses which questions are published.` : ''}</p>
  ${opts.staff ? '' : html`<p><a href="/staff/sign-in">Staff sign in</a></p>`}
</div></footer>`
}
</body>
</html>`
}

export { emergencyBox }
