import { NextResponse, type NextRequest } from 'next/server';
import { drillContent, markdownToHtml } from '@/lib/content/flashcards';
import { handleRequest, readQuery } from '@/lib/http/response';
import { ankiTsv } from '@/lib/srs/anki';
import { inDeck } from '@/lib/srs/deck';
import { DeckQuery } from '@/lib/srs/request';

/** The deck (or `?tags=` part of it) as a tab-separated file that Anki imports. */
export function GET(request: NextRequest) {
  return handleRequest('drills/anki', 'Could not build the flashcard file. Try again.', async () => {
    const { tags } = readQuery(request, DeckQuery);
    const cards = drillContent().cards.filter((card) => inDeck(card, { tags }));
    return new NextResponse(ankiTsv(cards, markdownToHtml), {
      headers: {
        'Content-Type': 'text/tab-separated-values; charset=utf-8',
        'Content-Disposition': `attachment; filename="keyspace-flashcards${tags.length ? `-${tags.join('-')}` : ''}.txt"`,
      },
    });
  });
}
