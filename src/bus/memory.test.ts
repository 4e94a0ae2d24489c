import { busContract } from './bus.contract.ts'
import { openMemoryBus } from './memory.ts'

busContract('memory', async () => openMemoryBus())
