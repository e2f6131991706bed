'use client';

import { buttonProps } from '@/components/ui/Button';
import { JsonFileImport } from '@/components/ui/JsonFileImport';
import { importReviewHistory } from '@/lib/srs/api-client';

const linkProps = buttonProps({ variant: 'secondary', size: 'sm' });

async function importHistory(parsed: unknown) {
  const result = await importReviewHistory(parsed);
  if (!result.ok) return { ok: false, text: result.error };
  return {
    ok: true,
    text: `Imported ${result.reviews} review${result.reviews === 1 ? '' : 's'} and ${result.cards} card state${result.cards === 1 ? '' : 's'}${result.skipped ? ` (${result.skipped} skipped: not in this deck)` : ''}.`,
  };
}

/** Anki export of the deck, and export/import of the learner's review history. */
export function DrillFiles({ tags, onImported }: { tags: string[]; onImported: () => void }) {
  const ankiHref = `/api/drills/anki${tags.length ? `?tags=${tags.join(',')}` : ''}`;
  return (
    <section aria-labelledby="drill-files" className="mt-10 text-sm">
      <h2 id="drill-files" className="text-lg font-semibold">
        Export and import
      </h2>
      <JsonFileImport
        buttonLabel="Import review history"
        inputLabel="Review history file to import"
        notJsonHint="Choose a review history exported from Keyspace."
        importJson={importHistory}
        onImported={onImported}
        rowClassName="mt-3 flex flex-wrap gap-2"
        note={
          <p className="mt-2 text-xs text-muted">
            In Anki: File → Import, choose the .txt file; the columns, tags and HTML are set by its header.
          </p>
        }
      >
        <a href={ankiHref} download {...linkProps}>
          Export {tags.length ? 'this deck' : 'all cards'} for Anki (.txt)
        </a>
        <a href="/api/drills/history" download {...linkProps}>
          Export review history (.json)
        </a>
      </JsonFileImport>
    </section>
  );
}
