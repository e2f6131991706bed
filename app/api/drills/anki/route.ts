import { NextResponse, type NextRequest } from 'next/server';
import { drillContent, markdownToHtml } from '@/lib/content/flashcards';
import { ankiTsv } from '@/lib/srs/anki';
import { inDeck } from '@/lib/srs/deck';
import { readTags } from '@/lib/srs/request';

/** The deck (or `?tags=` part of it) as a tab-separated file that Anki imports. */
export function GET(request: NextRequest) {
  const tags = readTags(new URL(request.url));
  const cards = drillContent().cards.filter((card) => inDeck(card, { tags }));
  return new NextResponse(ankiTsv(cards, markdownToHtml), {
    headers: {
      'Content-Type': 'text/tab-separated-values; charset=utf-8',
      'Content-Disposition': `attachment; filename="keyspace-flashcards${tags.length ? `-${tags.join('-')}` : ''}.txt"`,
    },
  });
}
