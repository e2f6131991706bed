import type { Metadata } from 'next';
import { TrackList } from '@/components/layout/TrackList';
import { contentLibrary } from '@/lib/content/lessons';

export const metadata: Metadata = { title: 'Learn' };

export default function LearnPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <h1 className="mb-8 text-3xl font-bold tracking-tight">All lessons</h1>
      <TrackList tracks={contentLibrary().tracks} />
    </div>
  );
}
