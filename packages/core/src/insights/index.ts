// Questions and action items of a conversation, computed from its stored messages. Ids are derived from
// the message id and the sentence, so they stay the same however often they are computed.
import { trackerIdFor } from '@phrasewatch/matcher';
import type { StoredMessage } from '../types.js';
import { actionItemCue } from './action-items.js';
import { followUpScore } from './follow-ups.js';
import { questionScore } from './questions.js';
import { sentencesOf } from './sentences.js';

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
  /** Where the sentence starts in its message, for insightRefs. */
  start: number;
}

export function insightsOf(messages: StoredMessage[]): Insight[] {
  const out: Insight[] = [];
  for (const message of messages) {
    for (const sentence of sentencesOf(message.text)) {
      const base = { text: sentence.text, messageIds: [message.id], from: message.from, start: sentence.start };
      const question = questionScore(sentence);
      if (question > 0) out.push({ id: trackerIdFor(`${message.id}:${sentence.index}:question`), type: 'question', score: question, ...base });
      const cue = actionItemCue(sentence);
      if (cue) {
        out.push({ id: trackerIdFor(`${message.id}:${sentence.index}:action_item`), type: 'action_item', score: cue.score, definitive: cue.definitive, ...base });
        const followUp = followUpScore(sentence, cue.score);
        if (followUp > 0) out.push({ id: trackerIdFor(`${message.id}:${sentence.index}:follow_up`), type: 'follow_up', score: followUp, definitive: cue.definitive, ...base });
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

/** Action items and follow-ups share Symbl's shape. */
const asActionItem = ({ id, text, type, score, messageIds, from, definitive }: Insight) => ({
  id, text, type, score, messageIds, from, definitive: definitive ?? false, entities: [], phrases: [], assignee: from,
});

export function actionItemsOf(messages: StoredMessage[]) {
  return { actionItems: insightsOf(messages).filter((i) => i.type === 'action_item').map(asActionItem) };
}

export function followUpsOf(messages: StoredMessage[]) {
  return { followUps: insightsOf(messages).filter((i) => i.type === 'follow_up').map(asActionItem) };
}
