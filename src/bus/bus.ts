/** "Chat `chatId` has events up to `seq`": all the bus ever carries; the events stay in the store. */
export interface ChatNotice {
  chatId: string
  seq: number
}

/** Tells every process that a chat's log has grown, so each reads the new events once. */
export interface Bus {
  publish(notice: ChatNotice): Promise<void>
  /** Calls `handler` for every notice; returns a function that unsubscribes. */
  subscribe(handler: (notice: ChatNotice) => void): () => void
  /**
   * Calls `handler` when the bus loses (false) or regains (true) its link to other processes;
   * notices from elsewhere may be lost in between. A single-process bus never calls it.
   */
  onConnectionChange?(handler: (connected: boolean) => void): () => void
  close(): Promise<void>
}
