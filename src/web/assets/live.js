// Live feed: keeps a chat page current from the public event stream, without moving focus or
// scroll, and tells screen readers what arrived in one short summary every few seconds.
;(() => {
  const root = document.querySelector('[data-live]')
  if (!root || !window.EventSource || root.dataset.state === 'closed') return
  const $ = (sel) => root.querySelector(sel)
  const chat = root.dataset.chat
  const interactive = root.dataset.interactive === '1'
  const compact = root.dataset.compact === '1'
  const answers = $('[data-answers]')
  const waiting = $('[data-waiting]')
  const status = $('[data-status]')
  const pauseButton = $('[data-pause]')
  const showNew = $('[data-show-new]')
  const announcer = $('[data-announce]')
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: root.dataset.tz,
    hour: '2-digit',
    minute: '2-digit',
  })
  $('[data-feed-bar]').hidden = false
  document.documentElement.style.overflowAnchor = 'none'

  let paused = false
  const held = []
  const tally = { answers: 0, questions: 0 }

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v)
    for (const c of children) node.append(c)
    return node
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many || `${one}s`}`
  const hidden = (text) => el('span', { class: 'visually-hidden' }, text)
  const paragraphs = (text) =>
    text
      .trim()
      .split(/\n{2,}/)
      .map((p) => {
        const node = el('p')
        p.split('\n').forEach((line, i) => {
          if (i) node.append(el('br'))
          node.append(line)
        })
        return node
      })
  const reactForm = (kind, id, label, extra) =>
    el(
      'form',
      {
        method: 'post',
        action: `/chats/${chat}/${kind === 'vote' ? 'questions' : 'answers'}/${id}/${kind === 'vote' ? 'upvote' : 'thank'}`,
        'data-react': kind,
        'data-id': id,
      },
      el('button', { class: 'quiet small', type: 'submit' }, label, hidden(extra)),
    )

  function waitingItem(q) {
    const votes = el('span', { 'data-votes': q.id }, plural(q.votes, 'upvote'))
    return el(
      'li',
      { class: 'item is-new', id: `q-${q.id}`, 'data-question': q.id },
      el('p', { class: 'q' }, q.publicText),
      el('p', { class: 'meta' }, `Asked at ${time.format(new Date(q.receivedAt))}`),
      el(
        'div',
        { class: 'reactions' },
        ...(interactive ? [reactForm('vote', q.id, 'Upvote', ' this question')] : []),
        votes,
      ),
    )
  }

  function answeredItem(q, a) {
    return el(
      'li',
      { class: 'item is-new', id: `q-${q.id}`, 'data-question': q.id },
      el('p', { class: 'q', tabindex: '-1' }, q.publicText),
      el(
        'p',
        { class: 'meta' },
        `Asked at ${time.format(new Date(q.receivedAt))} · `,
        el('span', { 'data-votes': q.id }, plural(q.votes, 'upvote')),
      ),
      el(
        'div',
        { class: 'answer', 'data-answer': a.id },
        el(
          'p',
          { class: 'by' },
          `${a.authorName} `,
          el('span', { class: 'muted' }, `answered at ${time.format(new Date(a.publishedAt))}`),
        ),
        el('div', { class: 'body' }, ...paragraphs(a.body)),
      ),
      el(
        'div',
        { class: 'reactions' },
        el('a', { href: `/answers/${a.id}` }, 'Permanent link', hidden(' to this answer')),
        ...(interactive ? [reactForm('thank', a.id, 'Say thanks', ' for this answer')] : []),
        el('span', { 'data-thanks': a.id }, plural(a.thanks, 'thank', 'thanks')),
      ),
    )
  }

  // Keeps whatever the reader is looking at where it is while items are added above it. When the
  // list being added to starts on screen, the reader is watching it: the new item appears in
  // place, and scrolling to keep an older one still would carry the new one off the top.
  function steady(change, list) {
    if (list && list.getBoundingClientRect().top >= 0) return change()
    const items = root.querySelectorAll('.item')
    let anchor = null
    for (const item of items) {
      if (item.getBoundingClientRect().bottom > 0) {
        anchor = item
        break
      }
    }
    const before = anchor ? anchor.getBoundingClientRect().top : 0
    change()
    if (anchor?.isConnected) {
      const shift = anchor.getBoundingClientRect().top - before
      if (shift) window.scrollBy(0, shift)
    }
  }

  const setText = (sel, text) => {
    for (const node of document.querySelectorAll(sel)) node.textContent = text
  }
  const toggleEmpty = () => {
    const a = $('[data-answers-empty]')
    if (a) a.hidden = answers.children.length > 0
    const w = $('[data-waiting-empty]')
    if (w && waiting) w.hidden = waiting.children.length > 0
  }

  const apply = {
    'question.approved': ({ question }) => {
      if (!waiting || document.getElementById(`q-${question.id}`)) return
      steady(() => waiting.append(waitingItem(question)))
      tally.questions++
    },
    'answer.published': ({ answer, question }) => {
      const old = document.getElementById(`q-${question.id}`)
      const hadFocus = old?.contains(document.activeElement)
      const item = answeredItem(question, answer)
      steady(() => {
        old?.remove()
        answers.prepend(item)
        if (compact) while (answers.children.length > 10) answers.lastElementChild.remove()
      }, answers)
      if (hadFocus) item.querySelector('.q').focus({ preventScroll: true })
      tally.answers++
    },
    'answer.edited': ({ answer }) => {
      const body = root.querySelector(`[data-answer="${CSS.escape(answer.id)}"] .body`)
      if (body) body.replaceChildren(...paragraphs(answer.body))
    },
    'question.edited': ({ questionId, publicText }) => {
      const q = document.querySelector(`#q-${CSS.escape(questionId)} .q`)
      if (q) q.textContent = publicText
    },
    'question.deleted': ({ questionId }) => apply['question.withdrawn']({ questionId }),
    'question.withdrawn': ({ questionId }) => {
      const old = document.getElementById(`q-${questionId}`)
      if (old && !old.contains(document.activeElement)) steady(() => old.remove())
      else if (old) old.hidden = true
    },
    'question.voted': ({ questionId, votes }) =>
      setText(`[data-votes="${CSS.escape(questionId)}"]`, plural(votes, 'upvote')),
    'answer.thanked': ({ answerId, thanks }) =>
      setText(`[data-thanks="${CSS.escape(answerId)}"]`, plural(thanks, 'thank', 'thanks')),
    // The server folds bursts of votes and thanks into one frame of totals.
    counts: ({ questions, answers }) => {
      for (const [questionId, votes] of Object.entries(questions))
        apply['question.voted']({ questionId, votes })
      for (const [answerId, thanks] of Object.entries(answers))
        apply['answer.thanked']({ answerId, thanks })
    },
    'chat.closed': () => {
      status.textContent = 'This chat has closed. Reload the page to read the full transcript.'
      stream.close()
    },
    'chat.started': () => {
      status.textContent = 'The chat is live: new answers appear here automatically.'
    },
  }
  const adds = new Set(['question.approved', 'answer.published'])

  function receive(type, data) {
    if (paused && type !== 'chat.closed') {
      held.push([type, data])
      const n = new Set(held.filter(([t]) => adds.has(t)).map(([, d]) => (d.question || d).id)).size
      showNew.textContent = `${n} new – show`
      showNew.hidden = n === 0
      return
    }
    apply[type]?.(data)
    toggleEmpty()
  }

  function release() {
    for (const [type, data] of held.splice(0)) apply[type]?.(data)
    toggleEmpty()
    showNew.hidden = true
  }

  pauseButton.addEventListener('click', () => {
    paused = !paused
    pauseButton.setAttribute('aria-pressed', String(paused))
    pauseButton.textContent = paused ? 'Resume updates' : 'Pause updates'
    status.textContent = paused
      ? 'Paused: new items are held until you show them.'
      : 'Live: new answers appear here automatically.'
    if (!paused) release()
  })
  showNew.addEventListener('click', () => {
    release()
    answers.querySelector('.q')?.setAttribute('tabindex', '-1')
  })

  // One polite summary at most every five seconds, never one announcement per item.
  setInterval(() => {
    if (!tally.answers && !tally.questions) return
    const parts = []
    if (tally.answers) parts.push(plural(tally.answers, 'new answer'))
    if (tally.questions) parts.push(plural(tally.questions, 'new question'))
    announcer.textContent = `${parts.join(' and ')}${paused ? ' (paused)' : ''}.`
    tally.answers = 0
    tally.questions = 0
  }, 5000)

  const stream = new EventSource(
    `/api/v1/chats/${encodeURIComponent(chat)}/events?after=${root.dataset.seq}`,
  )
  for (const type of Object.keys(apply)) {
    stream.addEventListener(type, (e) => {
      try {
        receive(type, JSON.parse(e.data))
      } catch (err) {
        console.warn('askhour: bad event', err)
      }
    })
  }
  stream.onopen = () => {
    if (!paused) status.textContent = 'Live: new answers appear here automatically.'
  }
  stream.onerror = () => {
    if (stream.readyState !== EventSource.CLOSED) status.textContent = 'Reconnecting…'
  }
})()
