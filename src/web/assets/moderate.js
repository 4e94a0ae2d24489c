// Moderation queue: live from the staff stream, keyboard-driven, and clear about conflicts.
;(() => {
  const root = document.querySelector('[data-live-queue]')
  if (!root) return
  const bar = document.querySelector('[data-mod-bar]')
  const status = document.querySelector('[data-mod-status]')
  const refreshButton = document.querySelector('[data-refresh]')
  const announcer = document.querySelector('[data-mod-announce]')
  bar.hidden = false
  let selectedId = null
  let received = 0

  const cards = () => [...root.querySelectorAll('.qcard')]
  const byId = (id) => (id ? root.querySelector(`.qcard[data-q="${CSS.escape(id)}"]`) : null)
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v)
    node.append(...children)
    return node
  }
  function select(card, focus) {
    for (const c of cards()) c.classList.toggle('selected', c === card)
    selectedId = card ? card.dataset.q : null
    if (card && focus) card.focus()
  }
  // Busy: the moderator is typing or choosing inside a question; never pull the page from under them.
  const busy = () => {
    const a = document.activeElement
    return (
      (a && root.contains(a) && !a.classList.contains('qcard')) ||
      root.querySelector('details[data-edit][open]')
    )
  }

  async function refresh(moveOn) {
    const url = new URL(location.href)
    url.searchParams.set('fragment', '1')
    url.hash = ''
    const res = await fetch(url, { credentials: 'same-origin' })
    if (!res.ok) return
    const region = new DOMParser()
      .parseFromString(await res.text(), 'text/html')
      .getElementById('queue-region')
    if (!region) return
    const focusedCard = document.activeElement?.closest?.('.qcard')
    const keepFocus = Boolean(focusedCard) || moveOn
    const index = cards().findIndex((c) => c.dataset.q === selectedId)
    const checked = new Set(
      [...document.querySelectorAll('input[name=ids]:checked')].map((i) => i.value),
    )
    root.querySelector('#queue-region').replaceWith(document.adoptNode(region))
    for (const box of root.querySelectorAll('input[name=ids]')) box.checked = checked.has(box.value)
    const all = cards()
    const target = byId(selectedId) || (index >= 0 ? all[Math.min(index, all.length - 1)] : null)
    select(target, keepFocus && target)
    refreshButton.hidden = true
    status.textContent = 'Live: new questions appear automatically.'
  }

  let timer = null
  function changed() {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      if (busy()) {
        refreshButton.hidden = false
        status.textContent = 'New activity: show it when you are ready.'
      } else await refresh(false)
      if (received) {
        announcer.textContent = `${received} new ${received === 1 ? 'question' : 'questions'} received.`
        received = 0
      }
    }, 700)
  }
  refreshButton.addEventListener('click', () => refresh(false))

  async function send(form, submitter) {
    const card = form.closest('.qcard')
    const res = await fetch(form.getAttribute('action'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: new URLSearchParams(new FormData(form, submitter)),
    })
    const body = await res.json().catch(() => ({}))
    if (res.ok) {
      announcer.textContent = body.message || 'Done.'
      if (card) selectedId = card.dataset.q
      if (form.id === 'bulk')
        for (const box of document.querySelectorAll('input[name=ids]')) box.checked = false
      await refresh(Boolean(card))
      return
    }
    const box = card?.querySelector('[data-conflict]')
    const reload = el('button', { type: 'button', class: 'secondary small' }, 'Reload the queue')
    reload.addEventListener('click', () => refresh(true))
    const notice = el(
      'div',
      { class: 'conflict' },
      el('p', {}, `${body.title || 'That did not work'}: ${body.message || 'please try again.'}`),
      reload,
    )
    if (box) box.replaceChildren(notice)
    else announcer.textContent = body.message || 'That did not work.'
  }

  document.addEventListener('submit', (e) => {
    const form = e.target
    if (!(root.contains(form) || form.id === 'bulk')) return
    e.preventDefault()
    send(form, e.submitter).catch(() => form.submit())
  })

  root.addEventListener('focusin', (e) => {
    const card = e.target.closest('.qcard')
    if (card && card.dataset.q !== selectedId) select(card, false)
  })

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return
    const t = e.target
    if (t.matches('input, textarea, select, [contenteditable]') || t.closest('summary')) return
    const all = cards()
    const card = byId(selectedId)
    const i = all.indexOf(card)
    const onCard = t.classList?.contains('qcard')
    const press = (sel) => card?.querySelector(sel)
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        if (e.key === 'ArrowDown' && !onCard) return
        select(all[Math.min(i + 1, all.length - 1)] || all[0], true)
        break
      case 'k':
      case 'ArrowUp':
        if (e.key === 'ArrowUp' && !onCard) return
        select(all[Math.max(i - 1, 0)], true)
        break
      case 'a':
      case 'd':
      case 'm':
        press(`[data-key="${e.key}"]`)?.click()
        break
      case 'r':
        press('[data-key="r"]')?.focus()
        break
      case 'e': {
        const d = press('details[data-edit]')
        if (!d) return
        d.open = true
        d.querySelector('textarea')?.focus()
        break
      }
      case 'x': {
        const box = press('input[name=ids]')
        if (box) box.checked = !box.checked
        break
      }
      default:
        return
    }
    e.preventDefault()
  })

  const stream = new EventSource(
    `/api/v1/chats/${encodeURIComponent(root.dataset.chat)}/staff-events?after=${root.dataset.seq}`,
  )
  const types = [
    'question.received',
    'question.approved',
    'question.rejected',
    'question.redirected',
    'question.merged',
    'question.assigned',
    'question.edited',
    'question.voted',
    'question.withdrawn',
    'question.deleted',
    'counts',
    'answer.published',
  ]
  for (const type of types) {
    stream.addEventListener(type, () => {
      if (type === 'question.received') received++
      changed()
    })
  }
  stream.onerror = () => {
    if (stream.readyState !== EventSource.CLOSED) status.textContent = 'Reconnecting…'
  }
  stream.onopen = () => {
    status.textContent = 'Live: new questions appear automatically.'
  }
})()
