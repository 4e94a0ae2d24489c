import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { ROLES, type Role } from '../domain/types.ts'
import { addUserCommand, migrateCommand, serveCommand } from './commands.ts'
import { runDemo } from './demo.ts'
import { reportCommand } from './report.ts'

const USAGE = `askhour — run ask-the-expert hashtag chats

Usage:
  askhour serve                         serve the app (http://localhost:3000 by default)
  askhour migrate                       create or update the database schema
  askhour user add --org SLUG --email EMAIL --role admin|host|expert
                                        print a one-time link for that person to set a password
  askhour report CHAT [--format html|pdf|md|csv|json] [--out FILE|-]
                                        export a chat's report (default: html, named after the chat)
  askhour demo [--speed N]              serve a demo organisation with a live chat and a simulated audience

Settings come from environment variables; see README.md.`

async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const config = loadConfig()
  switch (command) {
    case 'serve':
      return serveCommand(config)
    case 'migrate':
      return migrateCommand(config)
    case 'demo': {
      const { values } = parseArgs({
        args: [sub, ...rest].filter((a): a is string => a !== undefined),
        options: { speed: { type: 'string', default: '20' } },
      })
      return runDemo(config, Number(values.speed))
    }
    case 'report':
      return reportCommand(
        config,
        [sub, ...rest].filter((a): a is string => a !== undefined),
      )
    case 'user': {
      if (sub !== 'add') throw new Error(`Unknown command "user ${sub ?? ''}".\n\n${USAGE}`)
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          email: { type: 'string' },
          role: { type: 'string', default: 'host' },
        },
      })
      if (!values.org || !values.email) throw new Error('user add needs --org and --email.')
      if (!ROLES.includes(values.role as Role))
        throw new Error(`--role must be one of ${ROLES.join(', ')}.`)
      return addUserCommand(config, values.org, values.email.toLowerCase(), values.role as Role)
    }
    default:
      throw new Error(`Unknown command "${command}".\n\n${USAGE}`)
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
