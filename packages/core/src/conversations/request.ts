// Checks of an Async Text API body (POST /v1/process/text), each failure naming the field.
import { CoreError, CoreErrorCode, notFound } from '../errors.js';
import { checkTrackerBody, controlIn } from '../trackers/validate.js';
import type { InputMessage, ProcessTextRequest, TrackerSpec } from '../types.js';

const show = (value: unknown): string => (JSON.stringify(value) ?? String(value)).slice(0, 80);
const invalid = (message: string): CoreError => new CoreError(CoreErrorCode.requestInvalid, message, 400);

export function checkProcessTextRequest(value: unknown, trackerExists: (id: string) => boolean): ProcessTextRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`request must be an object with "messages", got ${show(value)}`);
  const body = value as Record<string, unknown>;
  if (!Array.isArray(body.messages) || body.messages.length === 0) throw invalid(`"messages" must be a non-empty array, got ${show(body.messages)}`);
  const messages = body.messages.map((raw: unknown, i): InputMessage => {
    const m = raw as Record<string, any> | null;
    if (typeof m !== 'object' || m === null) throw invalid(`messages[${i}] must be an object, got ${show(raw)}`);
    if (typeof m.payload?.content !== 'string') throw invalid(`messages[${i}].payload.content must be a string, got ${show(m.payload?.content)}`);
    if (m.from !== undefined && (typeof m.from !== 'object' || m.from === null)) throw invalid(`messages[${i}].from must be an object`);
    for (const key of ['startTime', 'endTime']) {
      const time = m.duration?.[key];
      if (time !== undefined && (typeof time !== 'string' || Number.isNaN(Date.parse(time)))) throw invalid(`messages[${i}].duration.${key} must be an ISO time, got ${show(time)}`);
    }
    const out: InputMessage = { payload: { content: m.payload.content } };
    if (m.from) out.from = { ...(typeof m.from.name === 'string' ? { name: m.from.name } : {}), ...(typeof m.from.userId === 'string' ? { userId: m.from.userId } : {}) };
    if (m.duration) out.duration = { startTime: m.duration.startTime, endTime: m.duration.endTime };
    return out;
  });
  const request: ProcessTextRequest = { messages };
  if (body.name !== undefined) {
    if (typeof body.name !== 'string') throw invalid(`"name" must be a string, got ${show(body.name)}`);
    const problem = controlIn('name', body.name);
    if (problem) throw invalid(problem);
    request.name = body.name;
  }
  if (body.trackers !== undefined) request.trackers = checkTrackerSpecs(body.trackers, trackerExists);
  if (body.enableAllTrackers !== undefined) {
    if (typeof body.enableAllTrackers !== 'boolean') throw invalid(`"enableAllTrackers" must be a boolean, got ${show(body.enableAllTrackers)}`);
    request.enableAllTrackers = body.enableAllTrackers;
  }
  if (body.confidenceThreshold !== undefined) {
    const t = body.confidenceThreshold;
    if (typeof t !== 'number' || !(t >= 0.5 && t <= 1)) throw invalid(`"confidenceThreshold" must be a number from 0.5 to 1, got ${show(t)}`);
    request.confidenceThreshold = t;
  }
  if (body.webhookUrl !== undefined) {
    const url = body.webhookUrl;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url) || !URL.canParse(url)) throw invalid(`"webhookUrl" must be an http(s) URL, got ${show(url)}`);
    request.webhookUrl = url;
  }
  return request;
}

/** `trackers` of a request (or a stream): stored ones by `{id}`, which must exist, or inline `{name, vocabulary}`. */
export function checkTrackerSpecs(value: unknown, trackerExists: (id: string) => boolean): TrackerSpec[] {
  if (!Array.isArray(value)) throw invalid(`"trackers" must be an array, got ${show(value)}`);
  return value.map((raw: unknown, i): TrackerSpec => {
    const spec = raw as Record<string, unknown> | null;
    if (spec && typeof spec.id === 'string' && spec.vocabulary === undefined) {
      if (!trackerExists(spec.id)) throw notFound(CoreErrorCode.trackerNotFound, `trackers[${i}]: tracker`, spec.id);
      return { id: spec.id };
    }
    const body = checkTrackerBody(raw, `trackers[${i}]`);
    return { name: body.name, vocabulary: body.vocabulary, ...(body.excludeVocabulary ? { excludeVocabulary: body.excludeVocabulary } : {}) };
  });
}
