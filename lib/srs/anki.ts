/**
 * Flashcards as a file Anki imports (File → Import): tab-separated, one note per line, with the
 * header lines Anki reads to set the separator, allow HTML and map the third column to tags.
 */
import type { Flashcard } from '@/lib/content/drill-schema';

/** Anki fields cannot hold a raw tab or newline: HTML breaks stand in for newlines. */
function field(html: string): string {
  return html.replace(/\t/g, ' ').replace(/\r?\n/g, '<br>').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function ankiTsv(cards: Flashcard[], toHtml: (markdown: string) => string): string {
  const lines = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    '#deck:Keyspace',
    '#columns:Front\tBack\tTags',
    '#tags column:3',
  ];
  for (const card of cards) {
    const tags = [
      `keyspace`,
      `topic::${card.topic}`,
      `lesson::${card.lesson}`,
      `difficulty::${card.difficulty}`,
      ...card.tags,
    ].map((tag) => tag.replace(/\s+/g, '_'));
    lines.push([field(escapeHtml(card.question)), field(toHtml(card.answer)), [...new Set(tags)].join(' ')].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
