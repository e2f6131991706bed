'use client';

import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** What a form field shows under itself: the rules' errors and warnings about that field. */
export interface FieldIssues {
  errors: string[];
  warnings: string[];
}

export const NO_ISSUES: FieldIssues = { errors: [], warnings: [] };

const INPUT_CLASS =
  'mt-1 block w-full min-w-0 rounded-md border bg-white px-2 py-1.5 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring dark:bg-slate-900';

interface FieldFrame {
  id: string;
  label: string;
  hint?: string;
  issues?: FieldIssues;
}

/** The hint and the issues under a field (a plain function, not a hook), and the ids the field points to with aria-describedby. */
function describeField({ id, hint, issues = NO_ISSUES }: FieldFrame) {
  const hintId = hint ? `${id}-hint` : undefined;
  const hasIssues = issues.errors.length + issues.warnings.length > 0;
  const issuesId = hasIssues ? `${id}-issues` : undefined;
  const describedBy = [hintId, issuesId].filter(Boolean).join(' ') || undefined;
  const description: ReactNode = (
    <>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {hasIssues && (
        <ul id={issuesId} className="mt-1 space-y-0.5 text-xs">
          {issues.errors.map((message) => (
            <li key={`e:${message}`} className="font-medium text-danger-text">
              Error: {message}
            </li>
          ))}
          {issues.warnings.map((message) => (
            <li key={`w:${message}`} className="text-amber-800 dark:text-amber-300">
              Warning: {message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return { describedBy, invalid: issues.errors.length > 0, description };
}

const borderFor = (invalid: boolean) => (invalid ? 'border-danger-line' : 'border-line-strong');

export function TextField({
  value,
  onChange,
  numeric = false,
  ...frame
}: FieldFrame & { value: string; onChange: (value: string) => void; numeric?: boolean }) {
  const { describedBy, invalid, description } = describeField(frame);
  return (
    <div>
      <label htmlFor={frame.id} className="block text-sm font-medium">
        {frame.label}
      </label>
      <input
        id={frame.id}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={cn(INPUT_CLASS, borderFor(invalid))}
      />
      {description}
    </div>
  );
}

export function SelectField({
  value,
  onChange,
  options,
  ...frame
}: FieldFrame & {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const { describedBy, invalid, description } = describeField(frame);
  return (
    <div>
      <label htmlFor={frame.id} className="block text-sm font-medium">
        {frame.label}
      </label>
      <select
        id={frame.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={cn(INPUT_CLASS, borderFor(invalid))}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {description}
    </div>
  );
}

export function CheckboxField({
  checked,
  onChange,
  ...frame
}: FieldFrame & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { describedBy, invalid, description } = describeField(frame);
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={frame.id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className="size-4 accent-accent focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
        />
        <label htmlFor={frame.id} className="text-sm font-medium">
          {frame.label}
        </label>
      </div>
      {description}
    </div>
  );
}
