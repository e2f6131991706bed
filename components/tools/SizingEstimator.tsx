'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { ENGINE_LABELS, sourceOf } from '@/lib/tools/facts';
import { DEFAULT_NODE_FAMILY, NODE_FAMILIES, NODE_TYPE_TABLE } from '@/lib/tools/node-types';
import { SizingRequest } from '@/lib/tools/schemas';
import { SERVERLESS_REGIONS } from '@/lib/tools/serverless-cost';
import { estimateSizing, SIZING_DEFAULTS, type NodeBasedPlan, type SizingInput } from '@/lib/tools/sizing';
import { BreakEvenChart } from './BreakEvenChart';
import { CheckboxField, NO_ISSUES, SelectField, TextField } from './fields';

type NumberField = Exclude<keyof SizingInput, 'multiAz' | 'region' | 'engine' | 'nodeFamily'>;

const NUMBER_FIELDS: { field: NumberField; label: string; hint?: string; optional?: boolean }[] = [
  { field: 'datasetGb', label: 'Dataset size (GB)' },
  { field: 'itemBytes', label: 'Typical item size (bytes)' },
  { field: 'readsPerSecond', label: 'Peak reads per second' },
  { field: 'writesPerSecond', label: 'Peak writes per second' },
  { field: 'replicas', label: 'Replicas per shard', hint: '0 to 5; Multi-AZ needs at least 1' },
  {
    field: 'shards',
    label: 'Shards (optional)',
    hint: 'At least this many, to spread the writes; blank for the fewest that hold the data',
    optional: true,
  },
  {
    field: 'nodeMemoryGb',
    label: 'Memory per node (GB, optional)',
    hint: 'Overrides the node-type table (for r7g, m7g or Memcached nodes it lacks); blank on Memcached means the interview scenario’s illustrative 50 GB node',
    optional: true,
  },
  {
    field: 'nodeHourlyUsd',
    label: 'On-demand price per node-hour (USD, optional)',
    hint: 'From the AWS pricing page for your node type, engine and Region: our references hold no node prices',
    optional: true,
  },
  {
    field: 'reservedMemoryPercent',
    label: 'Reserved memory (%)',
    hint: 'AWS’s default is 25; 30 on small burstable nodes, 50 on micro',
  },
  { field: 'headroomPercent', label: 'Growth headroom (%)' },
];

/** Memcached has no replicas, no Multi-AZ failover and no reserved-memory setting: those fields are hidden for it. */
const NOT_FOR_MEMCACHED: ReadonlySet<NumberField> = new Set(['replicas', 'reservedMemoryPercent']);

const fieldsFor = (engine: SizingInput['engine']) =>
  NUMBER_FIELDS.filter(({ field }) => engine !== 'memcached' || !NOT_FOR_MEMCACHED.has(field));

const INITIAL: Record<NumberField, string> &
  Pick<SizingInput, 'multiAz' | 'region' | 'engine'> & { nodeFamily: string } = {
  datasetGb: '200',
  itemBytes: '1024',
  readsPerSecond: '240000',
  writesPerSecond: '60000',
  replicas: '1',
  shards: '',
  nodeMemoryGb: '',
  nodeFamily: DEFAULT_NODE_FAMILY,
  nodeHourlyUsd: '',
  reservedMemoryPercent: String(SIZING_DEFAULTS.reservedMemoryPercent),
  headroomPercent: String(SIZING_DEFAULTS.headroomPercent),
  multiAz: true,
  region: 'us-east-1',
  engine: 'valkey',
};

const count = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
const usd = (value: number | null) =>
  value === null
    ? 'no price in our references'
    : `$${value.toLocaleString('en-US', { minimumFractionDigits: value < 100 ? 2 : 0, maximumFractionDigits: value < 100 ? 2 : 0 })}`;

function Figures({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd className="text-right font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Where the node figures and the price come from, the quota, and the data-tiering alternative. */
function NodeNotes({ plan }: { plan: NodeBasedPlan }) {
  const source = plan.nodeType?.source;
  return (
    <>
      {source && (
        <p className="mt-3 text-xs text-muted">
          Memory is the node type’s maxmemory from{' '}
          <a href={source.href} className="underline underline-offset-2" rel="noreferrer" target="_blank">
            {source.title}
          </a>{' '}
          (as of {source.asOf}, read {source.readOn}).
        </p>
      )}
      <p className="mt-2 text-xs text-muted">
        {plan.priceFrom === 'entered'
          ? 'Monthly cost: an estimate from the node-hour price you entered.'
          : 'Our references hold no node-hour prices (checked 2026-12-05): enter your node type’s on-demand rate from the AWS pricing page for a monthly estimate.'}
      </p>
      <p className="mt-3 text-sm">{plan.quotaNote}</p>
      {plan.dataTiering && <p className="mt-2 text-sm text-muted">{plan.dataTiering}</p>}
    </>
  );
}

/** The sizing estimator: the workload on the left, a node-based plan and a Serverless estimate side by side. */
export function SizingEstimator() {
  const [values, setValues] = useState(INITIAL);
  const set = <K extends keyof typeof INITIAL>(field: K, value: (typeof INITIAL)[K]) =>
    setValues((all) => ({ ...all, [field]: value }));

  const { estimate, fieldErrors } = useMemo(() => {
    const memcached = values.engine === 'memcached';
    const body: Record<string, unknown> = {
      multiAz: memcached ? false : values.multiAz,
      ...(memcached ? { replicas: 0 } : {}),
      region: values.region,
      engine: values.engine,
      ...(memcached ? {} : { nodeFamily: values.nodeFamily }),
    };
    for (const { field } of fieldsFor(values.engine)) {
      const text = values[field].trim();
      if (text !== '') body[field] = Number(text);
    }
    // The API's own schema, so the form and POST /api/tools/sizing refuse the same things in the same words.
    const parsed = SizingRequest.safeParse(body);
    if (!parsed.success) {
      const errors = new Map<string, string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (!errors.has(field)) errors.set(field, `${issue.message.replace(/^./, (first) => first.toUpperCase())}.`);
      }
      return { estimate: null, fieldErrors: errors };
    }
    return { estimate: estimateSizing(parsed.data), fieldErrors: new Map<string, string>() };
  }, [values]);

  const plan = estimate?.nodeBased;
  const serverless = estimate?.serverless;
  const rateSource = serverless?.rate ? sourceOf(serverless.rate.source) : null;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,4fr)_minmax(0,8fr)]">
      <form aria-label="Workload" onSubmit={(event) => event.preventDefault()} className="space-y-4">
        <SelectField
          id="sizing-engine"
          label="Engine"
          value={values.engine}
          options={(['valkey', 'redis', 'memcached'] as const).map((value) => ({ value, label: ENGINE_LABELS[value] }))}
          onChange={(value) => set('engine', value as SizingInput['engine'])}
        />
        <SelectField
          id="sizing-region"
          label="Region"
          hint="Only Regions with a dated Serverless rate in our references"
          value={values.region}
          options={SERVERLESS_REGIONS.map((value) => ({ value, label: value }))}
          onChange={(value) => set('region', value as SizingInput['region'])}
        />
        {values.engine !== 'memcached' && (
          <SelectField
            id="sizing-nodeFamily"
            label="Node family"
            hint="From AWS’s node-type table (2023); r7g and m7g are not in it"
            value={values.nodeFamily}
            options={NODE_FAMILIES.map((value) => ({ value, label: NODE_TYPE_TABLE.families[value]?.label ?? value }))}
            onChange={(value) => set('nodeFamily', value)}
          />
        )}
        {fieldsFor(values.engine).map(({ field, label, hint }) => {
          const error = fieldErrors.get(field);
          return (
            <TextField
              key={field}
              id={`sizing-${field}`}
              label={label}
              hint={hint}
              numeric
              value={values[field]}
              onChange={(text) => set(field, text)}
              issues={error ? { errors: [error], warnings: [] } : NO_ISSUES}
            />
          );
        })}
        {values.engine !== 'memcached' && (
          <CheckboxField
            id="sizing-multiAz"
            label="Multi-AZ"
            checked={values.multiAz}
            onChange={(on) => set('multiAz', on)}
          />
        )}
      </form>

      <section aria-labelledby="sizing-result-heading" className="min-w-0 space-y-6">
        <h2 id="sizing-result-heading" className="text-xl font-semibold">
          Estimate, as of {estimate?.pricesAsOf ?? '…'}
        </h2>
        {!estimate || !plan || !serverless ? (
          <p role="status" className="text-sm text-danger-text">
            Fix the fields marked with an error to see the estimate.
          </p>
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            <section aria-labelledby="sizing-node-heading" className="rounded-md border border-line p-4">
              <h3 id="sizing-node-heading" className="text-lg font-semibold">
                Node-based
              </h3>
              <Figures
                rows={[
                  ['Node type', plan.nodeType ? plan.nodeType.nodeType : 'your entry'],
                  [
                    'Memory per node',
                    `${count(plan.nodeMemoryGb)} GB${plan.nodeType?.vCpus ? `, ${plan.nodeType.vCpus} vCPUs` : ''}`,
                  ],
                  ['Memory to hold (with headroom)', `${count(plan.neededGb)} GB`],
                  ['Usable per node', `${count(plan.usablePerNodeGb)} GB (${plan.reservedMemoryPercent}% reserved)`],
                  ['Shards', count(plan.shards)],
                  ['Replicas per shard', count(plan.replicasPerShard)],
                  ['Total nodes', count(plan.totalNodes)],
                  ['Cluster mode', plan.clusterMode ? 'enabled' : 'not needed'],
                  ['Writes per primary', `${count(plan.writesPerPrimary)}/s`],
                  ['Reads per node', `${count(plan.readsPerNode)}/s`],
                  ['Monthly (on-demand)', usd(plan.monthlyUsd)],
                ]}
              />
              <NodeNotes plan={plan} />
            </section>
            <section aria-labelledby="sizing-serverless-heading" className="rounded-md border border-line p-4">
              <h3 id="sizing-serverless-heading" className="text-lg font-semibold">
                Serverless
              </h3>
              <Figures
                rows={[
                  ['Metered data', `${count(serverless.meteredGb)} GB (minimum ${count(serverless.minimumGb)} GB)`],
                  ['GB-hours a month', count(serverless.gbHoursPerMonth)],
                  ['ECPUs per request', count(serverless.ecpusPerRequest)],
                  ['ECPUs per second', count(serverless.ecpusPerSecond)],
                  ['ECPUs a month', count(serverless.ecpusPerMonth)],
                  ['Data stored', usd(serverless.storageUsd)],
                  ['ECPUs', usd(serverless.ecpuUsd)],
                  ['Monthly', usd(serverless.monthlyUsd)],
                ]}
              />
              {rateSource && serverless.rate && (
                <p className="mt-3 text-xs text-muted">
                  Rates: ${serverless.rate.gbHourUsd} per GB-hour and ${serverless.rate.perMillionEcpuUsd} per million
                  ECPUs, from{' '}
                  {rateSource.href ? (
                    <a href={rateSource.href} className="underline underline-offset-2" rel="noreferrer" target="_blank">
                      {rateSource.title}
                    </a>
                  ) : (
                    rateSource.title
                  )}{' '}
                  ({rateSource.asOf}). {serverless.rate.caveat}
                </p>
              )}
              {serverless.notes.map((note) => (
                <p key={note} className="mt-2 text-sm">
                  {note}
                </p>
              ))}
            </section>
          </div>
        )}
        {estimate?.breakEven && (
          <section aria-labelledby="sizing-break-even-heading" className="rounded-md border border-line p-4">
            <h3 id="sizing-break-even-heading" className="text-lg font-semibold">
              Break-even: Serverless or node-based
            </h3>
            <BreakEvenChart result={estimate.breakEven} />
          </section>
        )}
        <section aria-labelledby="sizing-assumptions-heading">
          <h3 id="sizing-assumptions-heading" className="text-lg font-semibold">
            Assumptions
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm break-words">
            {(estimate?.assumptions ?? []).map((assumption) => (
              <li key={assumption}>{assumption}</li>
            ))}
          </ul>
        </section>
      </section>
    </div>
  );
}
