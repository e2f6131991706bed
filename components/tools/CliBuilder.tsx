'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { CopyButton } from '@/components/ui/CopyButton';
import { buildCliCommand } from '@/lib/tools/cli-builder';
import { CLI_COMMANDS, type CliCommand, type CliField } from '@/lib/tools/cli-flags';
import type { CliIssue } from '@/lib/tools/cli-rules';
import { flagOf, formFields, INITIAL_VALUES, parseForm, type FormValue, type FormValues } from './cli-form';
import { CheckboxField, NO_ISSUES, SelectField, TextField, type FieldIssues } from './fields';

const COMMAND_HINTS: Record<CliCommand, string> = {
  'create-replication-group': 'Valkey or Redis OSS, node-based: shards, replicas, failover',
  'create-cache-cluster': 'Memcached, node-based: nodes without replicas',
  'create-serverless-cache': 'Any engine, Serverless: no nodes to choose',
};

/** Issues grouped by field, for the fields the form shows; the rest go in the summary. */
function issuesByField(errors: CliIssue[], warnings: CliIssue[]): Map<string, FieldIssues> {
  const map = new Map<string, FieldIssues>();
  const entry = (field: string) => map.get(field) ?? map.set(field, { errors: [], warnings: [] }).get(field)!;
  for (const issue of errors) entry(issue.field).errors.push(issue.message);
  for (const issue of warnings) entry(issue.field).warnings.push(issue.message);
  return map;
}

/** The command builder: a form on the left, the command, its problems and its explained flags on the right. */
export function CliBuilder() {
  const [command, setCommand] = useState<CliCommand>('create-replication-group');
  const [values, setValues] = useState(INITIAL_VALUES);
  const current = values[command];
  const fields = formFields(command);

  const build = useMemo(() => {
    const { input, notNumbers } = parseForm(command, current);
    const result = buildCliCommand(input);
    const numberErrors = notNumbers.map((field) => ({ field, message: 'Enter a number, such as 3.' }));
    return { ...result, errors: [...numberErrors, ...result.errors] };
  }, [command, current]);

  const issues = issuesByField(build.errors, build.warnings);
  const shown = new Set<string>(fields.map((each) => each.field));
  const unplaced = [...issues.entries()].filter(([field]) => !shown.has(field));
  const set = (field: CliField, value: FormValue) =>
    setValues((all) => ({ ...all, [command]: { ...all[command], [field]: value } satisfies FormValues }));

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <form aria-label="Command options" onSubmit={(event) => event.preventDefault()} className="space-y-4">
        <fieldset>
          <legend className="text-sm font-semibold">Command</legend>
          <div className="mt-2 space-y-2">
            {CLI_COMMANDS.map((each) => (
              <div key={each} className="flex items-start gap-2">
                <input
                  id={`command-${each}`}
                  type="radio"
                  name="command"
                  value={each}
                  checked={command === each}
                  onChange={() => setCommand(each)}
                  aria-describedby={`command-${each}-hint`}
                  className="mt-1 size-4 accent-accent"
                />
                <div>
                  <label htmlFor={`command-${each}`} className="font-mono text-sm">
                    {each}
                  </label>
                  <p id={`command-${each}-hint`} className="text-xs text-muted">
                    {COMMAND_HINTS[each]}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        {fields.map(({ field, label, kind }) => {
          const id = `cli-${field}`;
          const common = { id, label, hint: flagOf(command, field), issues: issues.get(field) ?? NO_ISSUES };
          const value = current[field];
          if (kind === 'checkbox')
            return <CheckboxField key={field} {...common} checked={value === true} onChange={(on) => set(field, on)} />;
          if (typeof kind === 'object')
            return (
              <SelectField
                key={field}
                {...common}
                value={typeof value === 'string' ? value : ''}
                options={kind.options}
                onChange={(text) => set(field, text)}
              />
            );
          return (
            <TextField
              key={field}
              {...common}
              numeric={kind === 'number'}
              value={typeof value === 'string' ? value : ''}
              onChange={(text) => set(field, text)}
            />
          );
        })}
      </form>

      <section aria-labelledby="cli-result-heading" className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:self-start">
        <h2 id="cli-result-heading" className="text-xl font-semibold">
          Your command
        </h2>
        <p role="status" className="text-sm">
          {build.errors.length > 0
            ? `${build.errors.length} ${build.errors.length === 1 ? 'error' : 'errors'}: AWS would refuse this command as it stands.`
            : `No errors${build.warnings.length ? `, ${build.warnings.length} ${build.warnings.length === 1 ? 'warning' : 'warnings'}` : ''}.`}
        </p>
        <div className="overflow-hidden rounded-md bg-slate-900 text-slate-100">
          <div className="flex justify-end border-b border-slate-700 px-2 py-1">
            <CopyButton text={build.command} label="Copy the command" className="py-0.5 text-sm" />
          </div>
          <pre
            aria-label="The aws elasticache command"
            tabIndex={0}
            className="overflow-x-auto p-3 text-xs leading-relaxed focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring sm:text-sm"
          >
            <code>{build.command}</code>
          </pre>
        </div>
        {unplaced.length > 0 && (
          <ul className="space-y-1 text-sm">
            {unplaced.flatMap(([field, { errors, warnings }]) => [
              ...errors.map((message) => (
                <li key={`${field}:e:${message}`} className="text-danger-text">
                  Error: {message}
                </li>
              )),
              ...warnings.map((message) => (
                <li key={`${field}:w:${message}`} className="text-amber-800 dark:text-amber-300">
                  Warning: {message}
                </li>
              )),
            ])}
          </ul>
        )}
        <h3 className="text-lg font-semibold">Flag by flag</h3>
        <dl className="space-y-2 text-sm">
          {build.flags.map((each) => (
            <div key={each.flag} className="rounded-md border border-line p-2">
              <dt className="break-all font-mono text-xs font-semibold">
                {each.flag} {each.value}
              </dt>
              <dd className="mt-1">
                {each.explains}{' '}
                <Link href={`/learn/${each.lesson.slug}`} className="text-accent-text underline underline-offset-2">
                  {each.lesson.title}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
