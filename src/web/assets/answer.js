// Expert view: insert approved replies without a page load; say when new questions arrive.
;(() => {
  document.addEventListener('click', (e) => {
    const button = e.target.closest?.('button[value=insert]')
    if (!button) return
    const select = button.form.querySelector('select[data-reply-for]')
    const area = document.getElementById(select.dataset.replyFor)
    const text = select.selectedOptions[0]?.dataset.body || ''
    e.preventDefault()
    area.value = area.value.trim() ? `${area.value.trim()}\n\n${text}` : text
    area.focus()
  })
  const bar = document.querySelector('[data-ans-bar]')
  if (!bar) return
  bar.hidden = false
  const status = bar.querySelector('[data-ans-status]')
  const link = bar.querySelector('[data-ans-refresh]')
  const stream = new EventSource(
    `/api/v1/chats/${encodeURIComponent(bar.dataset.chat)}/staff-events?after=${bar.dataset.seq}`,
  )
  for (const type of ['question.approved', 'question.assigned']) {
    stream.addEventListener(type, () => {
      link.hidden = false
      status.textContent = 'New questions are ready to answer.'
    })
  }
})()
