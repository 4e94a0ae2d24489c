// Upvote and thanks without leaving the page; the forms still work without JavaScript.
;(() => {
  const say = document.createElement('div')
  say.className = 'visually-hidden'
  say.setAttribute('role', 'status')
  document.body.append(say)
  document.addEventListener('submit', async (e) => {
    const form = e.target.closest?.('form[data-react]')
    if (!form) return
    e.preventDefault()
    const vote = form.dataset.react === 'vote'
    const id = encodeURIComponent(form.dataset.id)
    const button = form.querySelector('button')
    button.disabled = true
    try {
      const res = await fetch(
        vote ? `/api/v1/questions/${id}/votes` : `/api/v1/answers/${id}/thanks`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        },
      )
      const body = await res.json()
      if (res.ok) {
        const n = vote ? body.votes : body.thanks
        const text = vote
          ? `${n} ${n === 1 ? 'upvote' : 'upvotes'}`
          : `${n} ${n === 1 ? 'thank' : 'thanks'}`
        for (const s of document.querySelectorAll(
          `[data-${vote ? 'votes' : 'thanks'}="${CSS.escape(form.dataset.id)}"]`,
        ))
          s.textContent = text
        button.firstChild.textContent = vote ? 'Upvoted' : 'Thanked'
        say.textContent = vote ? 'Your upvote has been counted.' : 'Your thanks has been passed on.'
      } else {
        button.firstChild.textContent = vote ? 'Upvoted' : 'Thanked'
        say.textContent = body.message || 'That did not work.'
      }
    } catch {
      form.submit()
    }
  })
})()
