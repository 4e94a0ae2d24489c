// An analyser worker that dies on its first request, as a thread hit by a fatal bug would.
import { parentPort } from 'node:worker_threads'

parentPort.on('message', () => process.exit(1))
