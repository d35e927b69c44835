// A conversation's members and its Symbl conversation object, from its stored messages: every distinct
// speaker (by userId, else by name), in order of first appearance; the conversation runs from its first
// message's start to its last message's end.
import { trackerIdFor } from '@phrasewatch/matcher';
import type { StoredMessage } from '../types.js';

export interface Member {
  id: string;
  name?: string;
  email?: string;
}

export function membersOf(conversationId: string, messages: StoredMessage[]): Member[] {
  const seen = new Map<string, Member>();
  for (const { from } of messages) {
    const key = from.userId ?? (from.name !== undefined ? `name:${from.name}` : undefined);
    if (key === undefined || seen.has(key)) continue;
    const member: Member = { id: trackerIdFor(`member:${conversationId}:${key}`) };
    if (from.name !== undefined) member.name = from.name;
    if (from.userId !== undefined) member.email = from.userId;
    seen.set(key, member);
  }
  return [...seen.values()];
}

export interface ConversationObject {
  id: string;
  type: 'meeting';
  name: string;
  startTime: string;
  endTime: string;
  members: Member[];
  metadata: Record<string, never>;
}

export function conversationObject(row: { id: string; name: string; createdOn: string }, messages: StoredMessage[]): ConversationObject {
  const starts = messages.map((m) => m.startTime).filter((t): t is string => t !== undefined).sort();
  const ends = messages.map((m) => m.endTime ?? m.startTime).filter((t): t is string => t !== undefined).sort();
  const startTime = starts[0] ?? row.createdOn;
  return { id: row.id, type: 'meeting', name: row.name, startTime, endTime: ends.at(-1) ?? startTime, members: membersOf(row.id, messages), metadata: {} };
}
