// What a job does, the same on every backend: read what it needs (prepare), compute (inline or on a
// worker thread), then write its whole effect in one transaction that first checks the job is still this
// owner's (commit). A job run again after a crash writes its messages, detections and notifications
// once: the first commit wins and a later one finds the job finished.
import { findConversation, insertMessages, listMessages, mergeTrackerSpecs, mergedSpecs, saveDetections } from '../conversations/repository.js';
import type { Sql } from '../db/sql.js';
import { nextIds } from '../ids.js';
import type { TrackerSets } from '../trackers/tracker-sets.js';
import type { ProcessTextRequest, StoredMessage } from '../types.js';
import type { ComputeInput, ComputeResult } from './compute.js';
import { finishJob, type JobRow } from './repository.js';
import { queueWebhook } from './webhook-repository.js';

/** The job is no longer this owner's: its lease ran out and another runner took it. */
export class LeaseLost extends Error {}

export interface PreparedJob {
  request: ProcessTextRequest;
  messageIds: string[];
  input: ComputeInput;
}

export async function prepareJob(db: Sql, job: JobRow, sets: TrackerSets, today: string): Promise<PreparedJob> {
  const request = JSON.parse(job.requestJson) as ProcessTextRequest;
  // Jobs accepted before message ids were fixed at submission get theirs now.
  const messageIds = job.messageIds ?? (await db.transaction(() => nextIds(db, request.messages.length)));
  const conversation = await findConversation(db, job.conversationId);
  if (!conversation) throw new Error(`conversation ${job.conversationId} of job ${job.id} is gone`);
  const settings = mergedSpecs(conversation, request.trackers ?? [], request.enableAllTrackers ?? false, request.confidenceThreshold);
  const added: StoredMessage[] = request.messages.map((m, i) => {
    const message: StoredMessage = { id: messageIds[i], text: m.payload.content, from: m.from ?? {}, conversationId: job.conversationId };
    if (m.duration?.startTime !== undefined) message.startTime = m.duration.startTime;
    if (m.duration?.endTime !== undefined) message.endTime = m.duration.endTime;
    return message;
  });
  const messages = [...(await listMessages(db, job.conversationId)), ...added];
  const input: ComputeInput = { trackers: await sets.resolve(settings), messages, today };
  if (settings.threshold !== null) input.threshold = settings.threshold;
  return { request, messageIds, input };
}

export async function commitJob(db: Sql, job: JobRow, owner: string, prepared: PreparedJob, result: ComputeResult, now: string): Promise<void> {
  await db.transaction(async () => {
    if (!(await finishJob(db, job.id, owner, 'completed', null, now))) throw new LeaseLost(`job ${job.id} is no longer held by ${owner}`);
    const { request } = prepared;
    await insertMessages(db, job.conversationId, request.messages, prepared.messageIds);
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
