/**
 * A second process, as far as SQLite can tell: a worker thread with its own connection to the
 * store's file. It waits for the start signal, then tries to claim every stage it was given and
 * reports the ones it won (run by sqlite-store.test.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { StageConflictError } from '#functions/ports/errors.ts';
import { openSqliteStore } from '#functions/adapters/local/sqlite-store.ts';

const { path, caseId, stageIds, token, start } = workerData as {
  path: string;
  caseId: string;
  stageIds: string[];
  token: string;
  start: SharedArrayBuffer;
};

const store = openSqliteStore(path);
const gate = new Int32Array(start);
Atomics.add(gate, 1, 1);
Atomics.wait(gate, 0, 0);

const won: string[] = [];
const lost: string[] = [];
for (const stageId of stageIds) {
  try {
    await store.claimStage(caseId, stageId, { token, at: new Date().toISOString() });
    won.push(stageId);
  } catch (error) {
    if (!(error instanceof StageConflictError)) throw error;
    lost.push(stageId);
  }
}
await store.close();
parentPort!.postMessage({ won, lost });
