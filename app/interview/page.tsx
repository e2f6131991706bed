import type { Metadata } from 'next';
import { InterviewApp } from '@/components/interview/InterviewApp';
import { TOPIC_LABELS, TOPICS } from '@/lib/content/topics';
import { drillContent } from '@/lib/content/flashcards';

export const metadata: Metadata = { title: 'Mock interview' };

export default function InterviewPage() {
  const { cards, scenarios } = drillContent();
  const topics = TOPICS.map((topic) => ({
    topic,
    label: TOPIC_LABELS[topic],
    cards: cards.filter((card) => card.topic === topic).length,
    scenarios: scenarios.filter((scenario) => scenario.topics.includes(topic)).length,
  }));
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Mock interview</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Practise for an ElastiCache interview against the clock: scenarios to design or troubleshoot, and quick
        questions in between. Then compare with a model answer and mark yourself on its rubric.
      </p>
      <InterviewApp topics={topics} />
    </div>
  );
}
