// Sends a question without a page load, with an idempotency key so a retry never asks twice.
;(() => {
  const form = document.querySelector('form[data-ask]')
  if (!form) return
  const result = document.querySelector('[data-ask-result]')
  const text = form.elements.text
  const key = form.elements.idempotencyKey
  const chat = form.getAttribute('action').split('/')[2]
  const newKey = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('')
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v)
    node.append(...children)
    return node
  }
  const show = (kind, title, ...rest) => {
    result.replaceChildren(el('div', { class: `notice ${kind}` }, el('h3', {}, title), ...rest))
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const question = text.value.trim()
    if (question.length < 3) {
      text.setAttribute('aria-invalid', 'true')
      show(
        'error',
        'Please write your question.',
        el('p', {}, 'Questions need at least 3 characters.'),
      )
      text.focus()
      return
    }
    const button = form.querySelector('button[type=submit]')
    button.disabled = true
    try {
      const res = await fetch(`/api/v1/chats/${chat}/questions`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'idempotency-key': key.value },
        body: JSON.stringify({
          text: question,
          authorName: form.elements.authorName.value.trim() || undefined,
        }),
      })
      const body = await res.json()
      if (res.ok) {
        const extra = []
        if (body.guidance)
          extra.push(
            el(
              'div',
              { class: 'help-box' },
              el('h4', {}, 'If you need help now'),
              el('p', {}, body.guidance),
            ),
          )
        show(
          'success',
          'Thank you, your question has been sent',
          el(
            'p',
            {},
            `A moderator will read it before it appears. It will be shown as: “${body.publicText}”`,
          ),
          ...extra,
        )
        // On a slow connection the asker may have started their next question meanwhile: keep it.
        if (text.value.trim() === question) form.reset()
        key.value = newKey()
        text.removeAttribute('aria-invalid')
      } else {
        show(
          'error',
          'Your question was not sent',
          el('p', {}, body.message || 'Please try again.'),
        )
        if (res.status === 400) text.setAttribute('aria-invalid', 'true')
      }
    } catch {
      show(
        'error',
        'Your question was not sent',
        el('p', {}, 'Check your connection and try again.'),
      )
    } finally {
      button.disabled = false
    }
  })
})()
