'use client';

import { useRef, useState } from 'react';
import { importReviewHistory } from '@/lib/srs/api-client';

/** Anki export of the deck, and export/import of the learner's review history. */
export function DrillFiles({ tags, onImported }: { tags: string[]; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ankiHref = `/api/drills/anki${tags.length ? `?tags=${tags.join(',')}` : ''}`;

  const importFile = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setMessage({ ok: false, text: `${file.name} is not JSON. Choose a review history exported from Keyspace.` });
    }
    const result = await importReviewHistory(parsed);
    if (!result.ok) return setMessage({ ok: false, text: result.error });
    setMessage({ ok: true, text: `Imported ${result.reviews} review${result.reviews === 1 ? '' : 's'} and ${result.cards} card state${result.cards === 1 ? '' : 's'}${result.skipped ? ` (${result.skipped} skipped: not in this deck)` : ''}.` });
    onImported();
  };

  const linkClass = 'rounded-md border border-slate-300 px-3 py-2 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
  return (
    <section aria-labelledby="drill-files" className="mt-10 text-sm">
      <h2 id="drill-files" className="text-lg font-semibold">
        Export and import
      </h2>
      <div className="mt-3 flex flex-wrap gap-2">
        <a href={ankiHref} download className={linkClass}>
          Export {tags.length ? 'this deck' : 'all cards'} for Anki (.txt)
        </a>
        <a href="/api/drills/history" download className={linkClass}>
          Export review history (.json)
        </a>
        <button type="button" className={linkClass} onClick={() => input.current?.click()}>
          Import review history
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          aria-label="Review history file to import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">In Anki: File → Import, choose the .txt file; the columns, tags and HTML are set by its header.</p>
      <p aria-live="polite" className={`mt-2 ${message?.ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}>
        {message?.text}
      </p>
    </section>
  );
}
