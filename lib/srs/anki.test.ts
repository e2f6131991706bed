import { describe, expect, it } from 'vitest';
import { drillContent, markdownToHtml } from '@/lib/content/flashcards';
import { ankiTsv } from './anki';

describe('Anki export', () => {
  const { cards } = drillContent();
  const lines = ankiTsv(cards, markdownToHtml).trimEnd().split('\n');
  const notes = lines.filter((line) => !line.startsWith('#'));

  it('starts with the header lines Anki reads', () => {
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Keyspace',
      '#columns:Front\tBack\tTags',
      '#tags column:3',
    ]);
  });

  it('has one line per card with exactly three tab-separated columns', () => {
    expect(notes).toHaveLength(cards.length);
    for (const note of notes) expect(note.split('\t')).toHaveLength(3);
  });

  it('keeps question, answer (as HTML) and tags of each card', () => {
    const [front, back, tags] = notes[0]!.split('\t');
    expect(front).toBe(cards[0]!.question.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(back).toMatch(/^<(p|ul|ol)>/);
    expect(back).not.toMatch(/\n/);
    expect(tags!.split(' ')).toEqual(
      expect.arrayContaining(['keyspace', `topic::${cards[0]!.topic}`, `lesson::${cards[0]!.lesson}`]),
    );
  });
});
