// A self-contained HTML report: no scripts, no fonts, no requests when opened. Hits per tracker as a bar
// chart, each conversation's timeline with tracker hits by speaker and time, and the matched messages
// with the matched span highlighted.
import type { StoredMessage, TrackerDetected } from '@phrasewatch/core';

export interface ReportConversation {
  id: string;
  name: string;
  messages: StoredMessage[];
  trackers: TrackerDetected[];
}

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The matched span: from the offset, as many words as the phrase has (contractions make this approximate). */
export function highlight(text: string, offset: number, phrase: string): string {
  if (offset < 0 || offset >= text.length) return `<span class="similar">${escapeHtml(text)}</span>`;
  const words = phrase.trim().split(/\s+/).length;
  const re = /\S+/g;
  re.lastIndex = offset;
  let end = offset;
  for (let k = 0; k < words; k++) {
    const m = re.exec(text);
    if (!m) break;
    end = m.index + m[0].length;
  }
  // Trailing punctuation is not part of the phrase.
  while (end > offset && /[.,!?;:]/.test(text[end - 1])) end--;
  return `${escapeHtml(text.slice(0, offset))}<mark>${escapeHtml(text.slice(offset, end))}</mark>${escapeHtml(text.slice(end))}`;
}

function barChart(totals: Array<[string, number]>, colour: (name: string) => string): string {
  if (totals.length === 0) return '<p class="empty">No tracker matched.</p>';
  const max = Math.max(...totals.map(([, n]) => n));
  const row = 28, label = 220, width = 460;
  const bars = totals
    .map(([name, n], i) => {
      const w = Math.max(2, Math.round((n / max) * width));
      const y = i * row;
      return `<text x="${label - 8}" y="${y + 18}" text-anchor="end">${escapeHtml(name)}</text><rect x="${label}" y="${y + 5}" width="${w}" height="18" fill="${colour(name)}"><title>${escapeHtml(name)}: ${n}</title></rect><text x="${label + w + 6}" y="${y + 18}">${n}</text>`;
    })
    .join('');
  return `<svg class="bars" viewBox="0 0 ${label + width + 60} ${totals.length * row + 6}" role="img" aria-label="Hits per tracker">${bars}</svg>`;
}

function timeline(conversation: ReportConversation, colour: (name: string) => string): string {
  const messages = conversation.messages;
  const times = messages.map((m, i) => (m.startTime ? Date.parse(m.startTime) : Number.NaN) || i);
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const speakers = [...new Set(messages.map((m) => m.from.name ?? m.from.userId ?? 'unknown'))];
  const left = 140, width = 620, lane = 34;
  const x = (t: number): number => left + (t1 === t0 ? width / 2 : ((t - t0) / (t1 - t0)) * width);
  const byMessage = new Map<string, string[]>();
  for (const tracker of conversation.trackers) {
    for (const m of tracker.matches) for (const ref of m.messageRefs) byMessage.set(ref.id, [...(byMessage.get(ref.id) ?? []), tracker.name]);
  }
  const lanes = speakers.map((s, i) => `<text x="${left - 10}" y="${i * lane + 22}" text-anchor="end">${escapeHtml(s)}</text><line x1="${left}" x2="${left + width}" y1="${i * lane + 18}" y2="${i * lane + 18}" class="lane"/>`).join('');
  const dots = messages
    .map((m, i) => {
      const cy = speakers.indexOf(m.from.name ?? m.from.userId ?? 'unknown') * lane + 18;
      const hits = [...new Set(byMessage.get(m.id) ?? [])];
      const when = m.startTime ? new Date(m.startTime).toISOString().slice(11, 19) : `#${i + 1}`;
      const title = `<title>${escapeHtml(when)} ${escapeHtml(m.text)}${hits.length ? ` — ${escapeHtml(hits.join(', '))}` : ''}</title>`;
      if (hits.length === 0) return `<circle cx="${x(times[i]).toFixed(1)}" cy="${cy}" r="4" class="message">${title}</circle>`;
      return hits.map((h, k) => `<rect x="${(x(times[i]) - 6).toFixed(1)}" y="${cy - 6 - k * 4}" width="12" height="12" transform="rotate(45 ${x(times[i]).toFixed(1)} ${cy - k * 4})" fill="${colour(h)}" class="hit">${title}</rect>`).join('');
    })
    .join('');
  const start = messages[0]?.startTime ? new Date(t0).toISOString().slice(11, 19) : 'first message';
  const end = messages[0]?.startTime ? new Date(t1).toISOString().slice(11, 19) : 'last message';
  const axis = `<text x="${left}" y="${speakers.length * lane + 16}">${start}</text><text x="${left + width}" y="${speakers.length * lane + 16}" text-anchor="end">${end}</text>`;
  return `<svg class="timeline" viewBox="0 0 ${left + width + 20} ${speakers.length * lane + 24}" role="img" aria-label="Timeline">${lanes}${dots}${axis}</svg>`;
}

export function renderReport(conversations: ReportConversation[], generatedAt: string): string {
  const totals = new Map<string, number>();
  for (const c of conversations) {
    for (const t of c.trackers) totals.set(t.name, (totals.get(t.name) ?? 0) + new Set(t.matches.flatMap((m) => m.messageRefs.map((r) => r.id))).size);
  }
  const names = [...totals.keys()].sort();
  const colour = (name: string): string => PALETTE[names.indexOf(name) % PALETTE.length];
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const sections = conversations
    .map((c) => {
      const byId = new Map(c.messages.map((m) => [m.id, m]));
      const rows = c.trackers.flatMap((t) =>
        t.matches.flatMap((m) =>
          m.messageRefs.map((ref) => {
            const message = byId.get(ref.id);
            const when = message?.startTime ? new Date(message.startTime).toISOString().slice(11, 19) : '';
            return `<tr><td><span class="badge" style="background:${colour(t.name)}">${escapeHtml(t.name)}</span><div class="phrase">${escapeHtml(m.value)}</div></td><td>${escapeHtml(message?.from.name ?? '')}</td><td>${when}</td><td>${highlight(ref.text, ref.offset, m.value)}</td></tr>`;
          }),
        ),
      );
      const legend = c.trackers.map((t) => `<span class="badge" style="background:${colour(t.name)}">${escapeHtml(t.name)}</span>`).join(' ');
      return `<section><h2>${escapeHtml(c.name)} <small>${escapeHtml(c.id)} · ${c.messages.length} messages</small></h2>
${timeline(c, colour)}<p class="legend">${legend || 'No tracker matched.'}</p>
${rows.length ? `<table><thead><tr><th>tracker / phrase</th><th>speaker</th><th>time</th><th>message</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>` : ''}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>phrasewatch report</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:960px;color:#111827;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}h2 small{color:#6b7280;font-weight:normal}
.meta{color:#6b7280;margin:0 0 1.5rem}svg{width:100%;height:auto;font-size:12px}svg text{fill:#374151}
.lane{stroke:#e5e7eb;stroke-width:2}.message{fill:#9ca3af}.hit{stroke:#fff;stroke-width:1}
table{border-collapse:collapse;width:100%;margin-top:.5rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb}
th{font-weight:600;color:#374151}.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 .4rem;font-size:12px}
.phrase{color:#6b7280;font-size:12px;margin-top:.15rem}mark{background:#fde68a;padding:0 .1rem}.similar{text-decoration:underline dotted #ca8a04}
.legend{margin:.25rem 0}.empty{color:#6b7280}
</style></head>
<body>
<h1>phrasewatch report</h1>
<p class="meta">${conversations.length} conversation${conversations.length === 1 ? '' : 's'} · generated ${escapeHtml(generatedAt)} · highlighted: exact matches; dotted: contextually similar matches</p>
<h2>Messages matched per tracker</h2>
${barChart(sorted, colour)}
${sections}
</body></html>
`;
}
