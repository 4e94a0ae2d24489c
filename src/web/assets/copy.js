// Adds a "Copy" button beside read-only link and text fields marked data-copy.
;(() => {
  for (const field of document.querySelectorAll('[data-copy]')) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'secondary small'
    const label = field.labels?.[0]?.textContent || 'text'
    button.textContent = `Copy ${label.toLowerCase()}`
    const done = document.createElement('span')
    done.setAttribute('role', 'status')
    done.className = 'count'
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value)
      } catch {
        field.select()
        document.execCommand('copy')
      }
      done.textContent = 'Copied.'
    })
    field.after(button, done)
  }
})()
