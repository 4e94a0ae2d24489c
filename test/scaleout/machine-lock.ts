import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const LOCK = join(tmpdir(), 'askhour-scaleout-tests.lock')

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * These suites restart PostgreSQL and kill Redis, so two runs on one machine (two engineers'
 * `npm test`) would break each other. Each takes this lock file first and waits its turn; a lock
 * left by a process that no longer exists is taken over.
 */
export async function machineLock(timeoutMs = 10 * 60_000): Promise<() => void> {
  const t0 = Date.now()
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(LOCK, { force: true })
    } catch {
      const holder = Number(readFileSync(LOCK, 'utf8').trim() || 0)
      if (holder && !alive(holder)) rmSync(LOCK, { force: true })
      else if (Date.now() - t0 > timeoutMs) throw new Error(`scale-out lock held by ${holder}`)
      else await sleep(500)
    }
  }
}
