/**
 * Builds a mock interview: pure, so the same length, topics and seed always give the same
 * questions (the tests rely on it, and a seed can be shared to replay a session).
 *
 * Rules, in order:
 * 1. Scenarios come first in the time budget: any scenario touching a chosen topic may be picked,
 *    and each pick prefers the one that covers the most chosen topics not covered yet (ties go to
 *    the shuffled order). A fifth of the length stays free for flashcards, so a session always
 *    mixes both.
 * 2. The rest is filled with flashcards at FLASHCARD_MINUTES each, always from the chosen topic
 *    that has the fewest questions so far.
 * 3. The sum of the questions' minutes never exceeds the length; when the chosen topics run out
 *    of questions the session is shorter.
 * 4. Order: flashcards are spread between the scenarios, one of them first as a warm-up.
 */
import type { Flashcard, Scenario } from '@/lib/content/drill-schema';
import type { Topic } from '@/lib/content/topics';
import { FLASHCARD_MINUTES } from './types';

export interface PlannedQuestion {
  kind: 'scenario' | 'flashcard';
  id: string;
  minutes: number;
  /** The chosen topics this question counts for (a scenario may touch others too). */
  topics: Topic[];
}

export interface PlanInput {
  minutes: number;
  topics: readonly Topic[];
  /** Uniform in [0, 1), like Math.random; use seededRandom(seed) for a reproducible session. */
  random: () => number;
}

export interface PlanContent {
  cards: readonly Flashcard[];
  scenarios: readonly Scenario[];
}

/** mulberry32: tiny, fast and good enough to shuffle questions; the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Minutes kept free for flashcards when picking scenarios. */
export const flashcardReserve = (minutes: number) => Math.max(FLASHCARD_MINUTES, Math.ceil(minutes / 5));

export function planInterview(content: PlanContent, input: PlanInput): PlannedQuestion[] {
  const chosen = new Set(input.topics);
  const coverage = new Map<Topic, number>(input.topics.map((topic) => [topic, 0]));
  const counted = (topics: readonly Topic[]) => topics.filter((topic) => chosen.has(topic));
  const cover = (topics: readonly Topic[]) =>
    topics.forEach((topic) => coverage.set(topic, (coverage.get(topic) ?? 0) + 1));

  const cardsByTopic = new Map<Topic, Flashcard[]>(input.topics.map((topic) => [topic, []]));
  for (const card of shuffled(content.cards, input.random)) cardsByTopic.get(card.topic)?.push(card);
  const anyCards = [...cardsByTopic.values()].some((cards) => cards.length > 0);

  const scenarios: PlannedQuestion[] = [];
  let used = 0;
  const scenarioBudget = input.minutes - (anyCards ? flashcardReserve(input.minutes) : 0);
  let candidates = shuffled(
    content.scenarios.filter((scenario) => counted(scenario.topics).length > 0),
    input.random,
  );
  for (;;) {
    candidates = candidates.filter((scenario) => used + scenario.minutes <= scenarioBudget);
    if (candidates.length === 0) break;
    const fresh = (scenario: Scenario) => counted(scenario.topics).filter((topic) => coverage.get(topic) === 0).length;
    const best = candidates.reduce((winner, scenario) => (fresh(scenario) > fresh(winner) ? scenario : winner));
    candidates = candidates.filter((scenario) => scenario !== best);
    const topics = counted(best.topics);
    scenarios.push({ kind: 'scenario', id: best.id, minutes: best.minutes, topics });
    cover(topics);
    used += best.minutes;
  }

  const flashcards: PlannedQuestion[] = [];
  const topicOrder = shuffled(input.topics, input.random);
  while (used + FLASHCARD_MINUTES <= input.minutes) {
    const open = topicOrder.filter((topic) => (cardsByTopic.get(topic)?.length ?? 0) > 0);
    if (open.length === 0) break;
    const topic = open.reduce((least, candidate) =>
      coverage.get(candidate)! < coverage.get(least)! ? candidate : least,
    );
    const card = cardsByTopic.get(topic)!.shift()!;
    flashcards.push({ kind: 'flashcard', id: card.id, minutes: FLASHCARD_MINUTES, topics: [topic] });
    cover([topic]);
    used += FLASHCARD_MINUTES;
  }

  // Slot k (before scenario k, or after the last) takes every (scenarios + 1)-th flashcard from k.
  const slots = scenarios.length + 1;
  const ordered: PlannedQuestion[] = [];
  for (let slot = 0; slot < slots; slot++) {
    ordered.push(...flashcards.filter((_, index) => index % slots === slot));
    if (slot < scenarios.length) ordered.push(scenarios[slot]!);
  }
  return ordered;
}
