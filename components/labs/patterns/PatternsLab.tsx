'use client';

import { DEFAULT_WORKLOAD, isPatternsPreset, PATTERNS_PRESETS, type PatternsPreset } from '@/lib/labs/patterns/presets';
import { EvictionExperiment } from './EvictionExperiment';
import { EVICTION_POLICIES } from './patterns-api';
import { PipeliningExperiment } from './PipeliningExperiment';
import { StampedeExperiment } from './StampedeExperiment';
import { WorkloadExperiment } from './WorkloadExperiment';

function PresetExperiment({ preset }: { preset: PatternsPreset }) {
  switch (preset.experiment) {
    case 'workload':
      return (
        <WorkloadExperiment initial={preset.workload} initialCompare={preset.compareWith ?? null} headingLevel={3} />
      );
    case 'stampede':
      return (
        <StampedeExperiment
          readers={preset.readers}
          strategies={[...preset.strategies]}
          beta={preset.beta}
          headingLevel={3}
        />
      );
    case 'eviction':
      return <EvictionExperiment policies={[...preset.policies]} headingLevel={3} />;
    case 'pipelining':
      return <PipeliningExperiment commands={preset.commands} latencyMs={preset.latencyMs} headingLevel={3} />;
  }
}

/**
 * The caching-patterns lab: a real database behind a real Valkey, measured under load. With a
 * preset (a lesson's `<PatternsLab preset="stampede-lock" />`) it shows that one experiment, set up
 * as the preset says; without one (the /labs/patterns page) every experiment.
 */
export function PatternsLab({ preset }: { preset?: string }) {
  if (preset !== undefined) {
    if (!isPatternsPreset(preset))
      throw new Error(`<PatternsLab preset="${preset}"> is not a preset: see lib/labs/patterns/presets.ts.`);
    const chosen: PatternsPreset = PATTERNS_PRESETS[preset];
    return (
      <div className="not-prose my-6" data-testid="patterns-lab" data-preset={preset}>
        <p className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">Patterns lab: {chosen.title}</p>
        <PresetExperiment preset={chosen} />
      </div>
    );
  }
  return (
    <div className="space-y-6" data-testid="patterns-lab">
      <WorkloadExperiment initial={DEFAULT_WORKLOAD} initialCompare="none" />
      <StampedeExperiment readers={200} strategies={['none', 'lock', 'early', 'stale']} beta={1} />
      <EvictionExperiment policies={[...EVICTION_POLICIES]} />
      <PipeliningExperiment commands={500} latencyMs={2} />
    </div>
  );
}
