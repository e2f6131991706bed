import 'server-only';
/** What the progress routes do, so each route only parses and answers. */
import { lessonItems } from '@/lib/content/quizzes';
import { readProgress } from './store';
import { summarizeProgress, type ProgressSummary } from './summary';
import { PROGRESS_EXPORT_FORMAT, type Progress, type ProgressExport } from './types';

export async function progressWithSummary(
  learnerId: string,
): Promise<{ progress: Progress; summary: ProgressSummary }> {
  const progress = await readProgress(learnerId);
  return { progress, summary: summarizeProgress(lessonItems(), progress) };
}

export async function exportProgress(learnerId: string, now = new Date()): Promise<ProgressExport> {
  return {
    format: PROGRESS_EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    progress: await readProgress(learnerId),
  };
}
