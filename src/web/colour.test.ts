import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { brandTheme, contrast, INK, WHITE } from './colour.ts'

describe('brand colours', () => {
  it('computes WCAG contrast ratios', () => {
    assert.equal(Math.round(contrast('#000000', '#ffffff')), 21)
    assert.equal(contrast('#777777', '#777777'), 1)
  })
  it('keeps white text on a dark brand colour', () => {
    assert.deepEqual(brandTheme('#12355B'), { band: '#12355b', onBand: WHITE, accent: '#12355b' })
  })
  it('falls back to dark text on a light brand colour that fails 4.5:1 with white', () => {
    const t = brandTheme('#ffd700')
    assert.equal(t.onBand, INK)
    assert.ok(contrast(t.band, t.onBand) >= 4.5)
    assert.ok(contrast(t.accent, WHITE) >= 4.5, 'links stay readable on white')
  })
  it('ignores a malformed colour', () => {
    assert.equal(brandTheme('red; background:url(x)').band, '#1d4f91')
  })
})
