'use client';

import { useEffect, useRef } from 'react';
import { markLessonRead, markLessonVisited } from '@/lib/progress/api-client';
import { refreshProgress } from './use-progress';

/**
 * Placed at the end of a lesson: opening the page makes it the lesson "Continue" leads to, and
 * reaching the marker marks the lesson read (each once per page view).
 */
export function LessonReadMarker({ slug }: { slug: string }) {
  const marker = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void markLessonVisited(slug).then((result) => (result.ok ? refreshProgress() : undefined));
  }, [slug]);
  useEffect(() => {
    const element = marker.current;
    if (!element) return;
    let sent = false;
    const observer = new IntersectionObserver((entries) => {
      if (sent || !entries.some((entry) => entry.isIntersecting)) return;
      sent = true;
      observer.disconnect();
      void markLessonRead(slug).then((result) => (result.ok ? refreshProgress() : undefined));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [slug]);
  return <div ref={marker} data-testid="lesson-end" aria-hidden="true" className="h-px" />;
}
