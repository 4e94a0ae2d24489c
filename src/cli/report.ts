import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { operatorReport } from '../app/reports.ts'
import type { Config } from '../config.ts'
import { composeDeps, createLogger, openStore } from '../main.ts'
import { FORMATS, type Format } from '../reports/exports.ts'

/** A one-line progress bar on stderr when it is a terminal, plain step lines otherwise. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  return (step: string, done: number, total: number) => {
    const width = 24
    const filled = Math.round((width * done) / Math.max(1, total))
    const line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${step}`
    if (stream.isTTY) stream.write(`\r${line.padEnd(60)}${done === total ? '\n' : ''}`)
    else stream.write(`${line}\n`)
  }
}

/** `askhour report <chat> --format html|pdf|md|csv|json [--out FILE]` */
export async function reportCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'html' }, out: { type: 'string' } },
  })
  const slug = positionals[0]
  if (!slug)
    throw new Error('report needs the chat: askhour report <chat> --format html|pdf|md|csv|json')
  if (!FORMATS.includes(values.format as Format))
    throw new Error(`--format must be one of ${FORMATS.join(', ')}.`)
  const format = values.format as Format
  const store = await openStore(config)
  try {
    const { deps } = await composeDeps(config, createLogger('silent'), store)
    const bar = progressBar()
    // reading takes the first steps, rendering the last one
    let total = 1
    const file = await operatorReport(deps, slug, format, (step, done, steps) => {
      total = steps + 1
      bar(step, done, total)
    })
    bar(`rendered ${format}`, total, total)
    const out = values.out ?? file.filename
    if (out === '-') process.stdout.write(file.body)
    else {
      await writeFile(out, file.body)
      process.stderr.write(`Wrote ${out}\n`)
    }
  } finally {
    await store.close()
  }
}
