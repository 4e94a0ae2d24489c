// Keeps "Starts in …" current on an upcoming chat (quietly: it is not a live region).
;(() => {
  const node = document.querySelector('[data-countdown]')
  if (!node) return
  const start = new Date(node.dataset.countdown).getTime()
  const part = (n, unit) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '')
  const tick = () => {
    const minutes = Math.round((start - Date.now()) / 60000)
    if (minutes <= 0) {
      node.textContent = 'Starting now. '
      const a = document.createElement('a')
      a.href = location.pathname
      a.textContent = 'Reload to join the live chat'
      node.append(a)
      return clearInterval(timer)
    }
    const d = Math.floor(minutes / 1440)
    const h = Math.floor((minutes % 1440) / 60)
    const m = minutes % 60
    const words = d
      ? [part(d, 'day'), part(h, 'hour')]
      : h
        ? [part(h, 'hour'), part(m, 'minute')]
        : [part(m, 'minute')]
    node.textContent = `Starts in ${words.filter(Boolean).join(' ')}`
  }
  const timer = setInterval(tick, 30000)
  tick()
})()
