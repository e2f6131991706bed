/** The shape of flashcards (content/flashcards/*.yaml) and interview scenarios (content/interview/scenarios.yaml). */
import { z } from 'zod';
import { TOPICS } from './topics';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const difficulty = z.enum(['easy', 'medium', 'hard']);

export const Flashcard = z.strictObject({
  id: slug,
  question: z.string().min(5),
  /** Markdown. */
  answer: z.string().min(10),
  topic: z.enum(TOPICS),
  lesson: slug,
  tags: z.array(slug).default([]),
  difficulty,
  /** One of the six interview questions of the product brief, word for word. */
  brief: z.literal(true).optional(),
});
export type Flashcard = z.infer<typeof Flashcard>;

export const Scenario = z.strictObject({
  id: slug,
  prompt: z.string().min(10),
  topics: z.array(z.enum(TOPICS)).min(1),
  lessons: z.array(slug).min(1),
  minutes: z.number().int().min(1).max(30),
  difficulty,
  modelAnswer: z.string().min(20),
  keyPoints: z.array(z.string().min(3)).min(2),
  commonMistakes: z.array(z.string().min(3)).min(1),
});
export type Scenario = z.infer<typeof Scenario>;
