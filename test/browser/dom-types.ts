/**
 * The few browser types the code passed to page.evaluate() uses. The project compiles against
 * Node's lib only, so each browser test declares `document` locally with these instead of
 * pulling the whole DOM lib into every file.
 */
export interface BrowserElement {
  tagName: string
  className: string
  textContent: string | null
  value: string
  getBoundingClientRect(): {
    right: number
    width: number
    height: number
    top: number
    bottom: number
  }
  closest(selector: string): BrowserElement | null
  submit(): void
  elements: { namedItem(name: string): BrowserElement | null }
}

export interface BrowserDocument {
  documentElement: { clientWidth: number; scrollWidth: number }
  querySelectorAll(selector: string): Iterable<BrowserElement> & ArrayLike<BrowserElement>
  querySelector(selector: string): BrowserElement | null
}

export type GetComputedStyle = (e: BrowserElement) => { visibility: string }
