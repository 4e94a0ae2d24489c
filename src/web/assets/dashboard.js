// Dashboard and presenter view: re-render the server's fragment on each change and every 15 s.
;(() => {
  const box = document.querySelector('[data-refreshing]')
  if (!box) return
  let timer = null
  async function refresh() {
    const res = await fetch(box.dataset.refreshing, { credentials: 'same-origin' })
    if (!res.ok) return
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html')
    const next = doc.body.firstElementChild
    if (next) box.replaceChildren(document.adoptNode(next))
  }
  const soon = () => {
    clearTimeout(timer)
    timer = setTimeout(refresh, 800)
  }
  setInterval(refresh, 15000)
  const stream = new EventSource(
    `/api/v1/chats/${encodeURIComponent(box.dataset.chat)}/staff-events`,
  )
  for (const type of [
    'question.received',
    'question.approved',
    'question.rejected',
    'question.redirected',
    'question.merged',
    'answer.published',
    'answer.edited',
    'chat.started',
    'chat.closed',
  ])
    stream.addEventListener(type, soon)
})()
