import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { html, paragraphs, raw } from './html.ts'

describe('html template', () => {
  it('escapes every interpolated value', () => {
    const evil = `<script>alert(1)</script>"'\`&`
    assert.equal(
      html`<p title="${evil}">${evil}</p>`.value,
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&#96;&amp;">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&#96;&amp;</p>',
    )
  })
  it('nests fragments without double-escaping, and renders nothing for false and null', () => {
    const inner = html`<b>${'a&b'}</b>`
    assert.equal(
      html`<i>${inner}${false}${null}${[html`<br>`, 'x<']}</i>`.value,
      '<i><b>a&amp;b</b><br>x&lt;</i>',
    )
  })
  it('passes raw() markup through', () => {
    assert.equal(html`${raw('<hr>')}`.value, '<hr>')
  })
  it('keeps paragraphs and line breaks of plain text', () => {
    assert.equal(paragraphs('a\nb\n\n<c>').value, '<p>a<br>b</p><p>&lt;c&gt;</p>')
  })
})
