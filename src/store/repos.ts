import type { Kysely } from 'kysely'
import { answersRepo } from './repos/answers.repo.ts'
import { chatsRepo } from './repos/chats.repo.ts'
import { connectorsRepo } from './repos/connectors.repo.ts'
import { directoryRepo } from './repos/directory.repo.ts'
import { eventsRepo } from './repos/events.repo.ts'
import { idempotencyRepo } from './repos/idempotency.repo.ts'
import { organisationsRepo } from './repos/organisations.repo.ts'
import { questionsRepo } from './repos/questions.repo.ts'
import { reactionsRepo } from './repos/reactions.repo.ts'
import { repliesRepo } from './repos/replies.repo.ts'
import { reportsRepo } from './repos/reports.repo.ts'
import { sessionsRepo } from './repos/sessions.repo.ts'
import { settingsRepo } from './repos/settings.repo.ts'
import { tokensRepo } from './repos/tokens.repo.ts'
import { usersRepo } from './repos/users.repo.ts'
import type { Database } from './schema.ts'
import type { Store } from './store.ts'

/** Every repository, bound to one connection or transaction. */
export const makeRepos = (db: Kysely<Database>, dialect: Store['dialect']) => ({
  organisations: organisationsRepo(db),
  users: usersRepo(db),
  sessions: sessionsRepo(db),
  tokens: tokensRepo(db),
  settings: settingsRepo(db),
  chats: chatsRepo(db),
  events: eventsRepo(db, dialect),
  questions: questionsRepo(db, dialect),
  answers: answersRepo(db),
  reactions: reactionsRepo(db, dialect),
  idempotency: idempotencyRepo(db, dialect),
  replies: repliesRepo(db),
  directory: directoryRepo(db),
  reports: reportsRepo(db),
  connectors: connectorsRepo(db),
})

export type Repos = ReturnType<typeof makeRepos>
