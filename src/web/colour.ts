/** Brand colours made safe to read: WCAG 2.2 contrast (1.4.3 needs 4.5:1 for text). */

const channel = (v: number) => {
  const c = v / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  )
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export const WHITE = '#ffffff'
export const INK = '#0b0c0c'
const FALLBACK = '#1d4f91'

export interface BrandTheme {
  /** The header band's background. */
  band: string
  /** Text on the band: white when it reads at 4.5:1, otherwise near-black. */
  onBand: string
  /** A colour for links and buttons on white that keeps 4.5:1 (the brand, or a safe fallback). */
  accent: string
}

/** The header band in the organisation's colour, with whichever text colour passes 4.5:1. */
export function brandTheme(brand: string): BrandTheme {
  const band = /^#[0-9a-fA-F]{6}$/.test(brand) ? brand.toLowerCase() : FALLBACK
  const onBand = contrast(band, WHITE) >= 4.5 ? WHITE : INK
  const accent = contrast(band, WHITE) >= 4.5 ? band : FALLBACK
  return { band, onBand, accent }
}
