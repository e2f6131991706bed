'use client';

import Link from 'next/link';
import { BarChart } from '@/components/charts/BarChart';
import { fetchDrillStats } from '@/lib/srs/api-client';
import { PanelStatus } from '@/components/ui/PanelStatus';
import { StatFigures } from '@/components/ui/StatFigures';
import { useApiData } from '@/components/ui/use-api-data';
import { buttonProps } from '@/components/ui/Button';

const shortDay = (day: string) => day.slice(8, 10);

/** Cards due, streak, retention over 30 days and the 14-day forecast. */
export function DrillDashboard() {
  const state = useApiData(fetchDrillStats);

  if (state.status !== 'ready') return <PanelStatus state={state} what="drill statistics" heightClass="h-48" />;
  const stats = state.data;
  if (stats.cardsSeen === 0) {
    return (
      <div className="rounded-lg border border-line p-5 text-sm">
        <p>
          No flashcards reviewed yet. {stats.cardsTotal} cards cover every lesson topic, scheduled so each comes back
          just before you would forget it.
        </p>
        <Link href="/drills" {...buttonProps({ size: 'sm', className: 'mt-3' })}>
          Start drilling
        </Link>
      </div>
    );
  }
  const recent = stats.retention.filter((day) => day.reviews > 0);
  const recalled = recent.reduce((sum, day) => sum + day.recalled, 0);
  const reviewed = recent.reduce((sum, day) => sum + day.reviews, 0);
  const figures = [
    { label: 'Due now', value: String(stats.dueNow), testId: 'drill-due-now' },
    { label: 'Due today', value: String(stats.dueToday), testId: 'drill-due-today' },
    { label: 'Review streak', value: `${stats.streak} day${stats.streak === 1 ? '' : 's'}`, testId: 'drill-streak' },
    { label: 'Cards seen', value: `${stats.cardsSeen} / ${stats.cardsTotal}`, testId: 'drill-seen' },
  ];
  return (
    <div className="rounded-lg border border-line p-5">
      <StatFigures figures={figures} />
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold">Retention, last 30 days</h3>
          <BarChart
            title="Retention per day"
            valueHeading="Recalled"
            max={100}
            caption={
              reviewed
                ? `${Math.round((recalled / reviewed) * 100)}% of ${reviewed} mature reviews recalled (graded Hard or better).`
                : 'Retention shows once cards come back for review.'
            }
            bars={stats.retention.map((day, index) => ({
              label: day.day,
              tick: index % 7 === 0 ? shortDay(day.day) : undefined,
              value: day.reviews ? Math.round((day.recalled / day.reviews) * 100) : null,
              display: day.reviews
                ? `${Math.round((day.recalled / day.reviews) * 100)}% of ${day.reviews}`
                : 'no reviews',
            }))}
          />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">Cards due, next 14 days</h3>
          <BarChart
            title="Forecast of due cards"
            valueHeading="Cards due"
            max={Math.max(1, ...stats.forecast.map((day) => day.due))}
            caption={`${stats.forecast.reduce((sum, day) => sum + day.due, 0)} reviews in the next 14 days; today includes overdue cards.`}
            bars={stats.forecast.map((day, index) => ({
              label: day.day,
              tick: index % 2 === 0 ? shortDay(day.day) : undefined,
              value: day.due,
              display: String(day.due),
            }))}
          />
        </div>
      </div>
      <Link href="/drills" {...buttonProps({ size: 'sm', className: 'mt-4 text-sm' })}>
        {stats.dueNow > 0 ? `Review ${stats.dueNow} due card${stats.dueNow === 1 ? '' : 's'}` : 'Open the drills'}
      </Link>
    </div>
  );
}
