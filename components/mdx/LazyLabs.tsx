'use client';

/**
 * The labs' lesson widgets, each in its own chunk: every lesson page shares the MDX component map,
 * and importing them directly put ~23 KB of lab code into every lesson's first download, lab or not
 * (docs/benchmarks.md, 2026-12-05). The server still renders them, so the page does not jump when
 * the chunk arrives; only lessons that use a lab load it.
 */
import dynamic from 'next/dynamic';

export const LabPanel = dynamic(() => import('@/components/labs/lesson/LabPanel').then((module) => module.LabPanel));
export const LabRun = dynamic(() => import('@/components/labs/lesson/LabRun').then((module) => module.LabRun));
export const PatternsLab = dynamic(() =>
  import('@/components/labs/patterns/PatternsLab').then((module) => module.PatternsLab),
);
