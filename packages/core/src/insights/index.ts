// Questions and action items of a conversation, computed from its stored messages. Ids are derived from
// the message id and the sentence, so they stay the same however often they are computed.
import { trackerIdFor } from '@phrasewatch/matcher';
import type { StoredMessage } from '../types.js';
import { actionItemCue } from './action-items.js';
import { followUpScore } from './follow-ups.js';
import { questionScore } from './questions.js';
import { sentenceActs, sentencesOf } from './sentences.js';

export type InsightType = 'question' | 'action_item' | 'follow_up';

export interface Insight {
  id: string;
  text: string;
  type: InsightType;
  score: number;
  messageIds: string[];
  from: StoredMessage['from'];
  /** Action items only. */
  definitive?: boolean;
  /** Action items only: asked of the one spoken to. */
  addressed?: boolean;
  /** Where the sentence starts in its message, for insightRefs. */
  start: number;
}

export function insightsOf(messages: StoredMessage[]): Insight[] {
  const out: Insight[] = [];
  for (const message of messages) {
    for (const sentence of sentencesOf(message.text)) {
      const base = { text: sentence.text, messageIds: [message.id], from: message.from, start: sentence.start };
      const acts = sentenceActs(sentence);
      const question = questionScore(sentence, acts);
      if (question > 0) out.push({ id: trackerIdFor(`${message.id}:${sentence.index}:question`), type: 'question', score: question, ...base });
      const cue = actionItemCue(sentence, acts);
      if (cue) {
        out.push({ id: trackerIdFor(`${message.id}:${sentence.index}:action_item`), type: 'action_item', score: cue.score, definitive: cue.definitive, addressed: cue.addressed, ...base });
        const followUp = followUpScore(sentence, cue.score);
        if (followUp > 0) out.push({ id: trackerIdFor(`${message.id}:${sentence.index}:follow_up`), type: 'follow_up', score: followUp, definitive: cue.definitive, addressed: cue.addressed, ...base });
      }
    }
  }
  return out;
}

export function questionsOf(messages: StoredMessage[]) {
  return {
    questions: insightsOf(messages)
      .filter((i) => i.type === 'question')
      .map(({ id, text, type, score, messageIds, from }) => ({ id, text, type, score, messageIds, from })),
  };
}

const speakerKey = (from: StoredMessage['from']): string | undefined => from.userId ?? from.name;

/**
 * Who an action item falls to: its speaker for a commitment; for a request or an instruction, the other
 * party: the next message's speaker who is someone else, else the previous one's; unknown ({}) in a
 * monologue.
 */
function assigneeOf(insight: Insight, messages: StoredMessage[], at: Map<string, number>): StoredMessage['from'] {
  if (!insight.addressed) return insight.from;
  const self = speakerKey(insight.from);
  const i = at.get(insight.messageIds[0]) ?? -1;
  const other = (m: StoredMessage): boolean => speakerKey(m.from) !== undefined && speakerKey(m.from) !== self;
  return messages.slice(i + 1).find(other)?.from ?? [...messages.slice(0, Math.max(0, i))].reverse().find(other)?.from ?? {};
}

/** Action items and follow-ups share Symbl's shape. */
function asActionItems(messages: StoredMessage[], type: 'action_item' | 'follow_up') {
  const at = new Map(messages.map((m, i) => [m.id, i]));
  return insightsOf(messages)
    .filter((i) => i.type === type)
    .map((insight) => {
      const { id, text, score, messageIds, from, definitive } = insight;
      return { id, text, type, score, messageIds, from, definitive: definitive ?? false, entities: [], phrases: [], assignee: assigneeOf(insight, messages, at) };
    });
}

export function actionItemsOf(messages: StoredMessage[]) {
  return { actionItems: asActionItems(messages, 'action_item') };
}

export function followUpsOf(messages: StoredMessage[]) {
  return { followUps: asActionItems(messages, 'follow_up') };
}
