/**
 * The contract's names, without their schemas. The sandboxed preload imports only this
 * file, so it stays free of zod; `contract.ts` is typed against these lists, so a name
 * added on one side and not the other fails the typecheck.
 */
export const commandNames = [
  'app.info',
  'app.notices',
  'app.reportLanguages',
  'settings.get',
  'settings.update',
  'settings.setApiKey',
  'settings.clearApiKey',
  'keys.list',
  'keys.add',
  'keys.update',
  'keys.remove',
  'models.list',
  'jobs.list',
  'jobs.submit',
  'jobs.submitBatch',
  'jobs.edit',
  'jobs.move',
  'jobs.cancel',
  'jobs.retry',
  'jobs.remove',
  'jobs.clearFinished',
  'jobs.history',
  'jobs.pause',
  'jobs.resume',
  'jobs.release',
  'jobs.resolve',
  'jobs.dismissUnclaimed',
  'images.store',
  'batches.list',
  'batches.pause',
  'batches.resume',
  'batches.cancel',
  'batches.retryFailed',
  'batches.move',
  'queue.export',
  'queue.import',
  'ledger.totals',
  'library.info',
  'library.search',
  'library.get',
  'library.favourite',
  'library.tag',
  'library.delete',
  'library.reveal',
  'library.locate',
  'library.open',
  'library.saveFrame',
  'library.export',
  'library.listRemote',
  'library.import',
  'library.setFolder',
  'library.chooseFolder',
  'library.rescan',
] as const;

export const eventNames = [
  'settings.changed',
  'keys.changed',
  'jobs.changed',
  'batches.changed',
  'engine.changed',
  'ledger.changed',
  'library.changed',
  'library.indexing',
  'notification.shown',
  'notification.clicked',
] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (commandNames as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}
