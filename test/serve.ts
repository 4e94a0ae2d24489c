import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'

export interface Served {
  url: string
  child: ChildProcess
  output: () => string
  /** SIGKILL: no shutdown hooks, no flushing, as in a crash. */
  kill(): Promise<void>
  stop(): Promise<void>
}

/**
 * Starts `askhour serve` as a separate process on a free loopback port and waits until it serves:
 * from the sources, or from a build's entry point (`main`, as `npm start` runs it).
 */
export async function serve(
  env: Record<string, string>,
  main = ['--import', 'tsx', 'src/cli/main.ts'],
): Promise<Served> {
  const child = spawn(process.execPath, [...main, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString()
  })
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString()
  })
  const exited = once(child, 'exit')
  while (!/serving at (http:\/\/\S+)/.test(out)) {
    const r = await Promise.race([
      once(child.stdout as NodeJS.ReadableStream, 'data'),
      exited.then(() => 'exit'),
    ])
    if (r === 'exit') throw new Error(`server exited before serving:\n${out}`)
  }
  const url = /serving at (http:\/\/\S+)/.exec(out)?.[1] as string
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGKILL')
    await exited
  }
  return {
    url,
    child,
    output: () => out,
    kill,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}
