'use client';

import { useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';

export type ImportOutcome = { ok: boolean; text: string };

/**
 * A button that opens a JSON file, parses it and hands it to `importJson`, with the outcome read out
 * in a live region. `children` sit in the same row before the button (the export links); `note`
 * goes between the row and the message.
 */
export function JsonFileImport({
  buttonLabel,
  inputLabel,
  notJsonHint,
  importJson,
  onImported,
  rowClassName,
  children,
  note,
}: {
  buttonLabel: string;
  /** The accessible name of the hidden file input. */
  inputLabel: string;
  /** Follows "<file> is not JSON." */
  notJsonHint: string;
  importJson: (parsed: unknown) => Promise<ImportOutcome>;
  onImported?: () => void | Promise<void>;
  rowClassName: string;
  children?: ReactNode;
  note?: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<ImportOutcome | null>(null);

  const importFile = async (file: File) => {
    setMessage(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setMessage({ ok: false, text: `${file.name} is not JSON. ${notJsonHint}` });
    }
    const outcome = await importJson(parsed);
    setMessage(outcome);
    if (outcome.ok) await onImported?.();
  };

  return (
    <>
      <div className={rowClassName}>
        {children}
        <Button variant="secondary" size="sm" onClick={() => input.current?.click()}>
          {buttonLabel}
        </Button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          aria-label={inputLabel}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {note}
      <p aria-live="polite" className={`mt-2 text-sm ${message?.ok ? 'text-success-text' : 'text-danger-text'}`}>
        {message?.text}
      </p>
    </>
  );
}
