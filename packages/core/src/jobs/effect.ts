// What a job does, the same on every backend: read what it needs (prepare), compute (inline or on a
// worker thread), then write its whole effect in one transaction that first checks the job is still this
// owner's (commit). A job run again after a crash writes its messages, detections and notifications
// once: the first commit wins and a later one finds the job finished.
import { asInputMessage, findConversation, insertMessages, listMessages, mergeTrackerSpecs, mergedSpecs, saveDetections } from '../conversations/repository.js';
import type { Sql } from '../db/sql.js';
import { nextIds } from '../ids.js';
import type { TrackerSets } from '../trackers/tracker-sets.js';
import type { InputMessage, ProcessTextRequest, StoredMessage } from '../types.js';
import type { ComputeInput, ComputeResult } from './compute.js';
import { finishJob, type JobRow } from './repository.js';
import { queueWebhook } from './webhook-repository.js';

/** The job is no longer this owner's: its lease ran out and another runner took it. */
export class LeaseLost extends Error {}

export interface PreparedJob {
  request: ProcessTextRequest;
  messageIds: string[];
  /** The request's messages as stored, times filled in. */
  added: InputMessage[];
  input: ComputeInput;
}

export async function prepareJob(db: Sql, job: JobRow, sets: TrackerSets): Promise<PreparedJob> {
  const request = JSON.parse(job.requestJson) as ProcessTextRequest;
  // Jobs accepted before message ids were fixed at submission get theirs now.
  const messageIds = job.messageIds ?? (await db.transaction(() => nextIds(db, request.messages.length)));
  const conversation = await findConversation(db, job.conversationId);
  if (!conversation) throw new Error(`conversation ${job.conversationId} of job ${job.id} is gone`);
  const settings = mergedSpecs(conversation, request.trackers ?? [], request.enableAllTrackers ?? false, request.confidenceThreshold);
  const existing = await listMessages(db, job.conversationId);
  // Symbl always returns times: a message sent without them starts where the one before it ended (the
  // first, when the conversation started) and ends there too.
  let previousEnd = existing.at(-1)?.endTime ?? existing.at(-1)?.startTime ?? conversation.createdOn;
  const added: StoredMessage[] = request.messages.map((m, i) => {
    const startTime = m.duration?.startTime ?? previousEnd;
    const endTime = m.duration?.endTime ?? startTime;
    previousEnd = endTime;
    return { id: messageIds[i], text: m.payload.content, from: m.from ?? {}, startTime, endTime, conversationId: job.conversationId };
  });
  const messages = [...existing, ...added];
  const input: ComputeInput = { trackers: await sets.resolve(settings), messages };
  if (settings.threshold !== null) input.threshold = settings.threshold;
  return { request, messageIds, added: added.map(asInputMessage), input };
}

export async function commitJob(db: Sql, job: JobRow, owner: string, prepared: PreparedJob, result: ComputeResult, now: string): Promise<void> {
  await db.transaction(async () => {
    if (!(await finishJob(db, job.id, owner, 'completed', null, now))) throw new LeaseLost(`job ${job.id} is no longer held by ${owner}`);
    const { request } = prepared;
    await insertMessages(db, job.conversationId, prepared.added, prepared.messageIds);
    await mergeTrackerSpecs(db, job.conversationId, request.trackers ?? [], request.enableAllTrackers ?? false, request.confidenceThreshold);
    await saveDetections(db, job.conversationId, result.detected, result.hits, now);
    if (job.webhookUrl) await queueWebhook(db, job.id, job.webhookUrl, 'completed', Date.now(), now);
  });
}

/** Marks the job failed with its reason, if this owner still holds it. */
export async function failJob(db: Sql, job: JobRow, owner: string, reason: string, now: string): Promise<boolean> {
  return db.transaction(async () => {
    if (!(await finishJob(db, job.id, owner, 'failed', reason, now))) return false;
    if (job.webhookUrl) await queueWebhook(db, job.id, job.webhookUrl, 'failed', Date.now(), now);
    return true;
  });
}
