/**
 * The starting point `npm run new:lesson -- "Title"` writes: every component in place, valid as
 * it stands (the content checker passes it), so an author edits rather than assembles.
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export interface ScaffoldOptions {
  title: string;
  slug: string;
  track: string;
  order: number;
  /** YYYY-MM-DD: the day the facts are checked. */
  today: string;
}

export function lessonTemplate({ title, slug, track, order, today }: ScaffoldOptions): string {
  const yamlTitle = JSON.stringify(title);
  return `---
title: ${yamlTitle}
summary: "One or two sentences: what the learner will be able to do after this lesson."
track: ${track}
order: ${order}
minutes: 10
objectives:
  - Store a value with SET and read it back with GET.
  - Replace these with what the learner will be able to do.
reviewed: ${today}
challenges:
  - id: ${slug}-first-challenge
    title: "Store a greeting"
    solution:
      - SET ${slug}:greeting hello
    checks:
      - label: "${slug}:greeting is a string"
        key: ${slug}:greeting
        type: string
        failure: "Create ${slug}:greeting with SET."
      - label: "It holds hello"
        run: GET ${slug}:greeting
        expect: { equals: hello }
        failure: "GET ${slug}:greeting should answer \\"hello\\"."
---

{/* Write short prose in your own words, then let the learner do it. The authoring guide at /authoring shows every component. */}

## Try it

<Run command="SET ${slug}:greeting hello" />

Every changeable number names its source and the date it was true<Cite source="AWS docs: Quotas" href="https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/quota-limits.html" date="${today.slice(0, 7)}" />.

<Callout variant="note" title="A note">
Variants: note, tip, pitfall, interview, elasticache.
</Callout>

<DeepDive title="For the curious">
Detail that most learners can skip.
</DeepDive>

<Challenge id="${slug}-first-challenge">
Store the string \`hello\` under the key \`${slug}:greeting\`.
<Hint>SET writes a string value.</Hint>
</Challenge>

{/* Put each quiz just after the section it tests. Every wrong <Choice> needs a why="…": the learner sees it the moment they pick that choice. */}

<Quiz id="${slug}-quiz-1" question="Which command reads a string value?">
  <Choice correct>GET</Choice>
  <Choice why="SET writes a value under a key; it does not read one back.">SET</Choice>
  <Explanation>
GET reads a value; SET writes one.
  </Explanation>
</Quiz>

<Quiz id="${slug}-quiz-2" question="Which of these are Valkey data types? Select all that apply.">
  <Choice correct why="A hash holds field-value pairs under one key.">Hash</Choice>
  <Choice correct why="A sorted set keeps members ordered by a score.">Sorted set</Choice>
  <Choice why="Tables belong to relational databases; Valkey stores keys with typed values.">Table</Choice>
  <Explanation>
Hashes and sorted sets are Valkey types; tables belong to relational databases.
  </Explanation>
</Quiz>

<Quiz id="${slug}-quiz-3" question="What does GET answer for a key that does not exist?">
  <Choice correct>(nil)</Choice>
  <Choice why="A missing key is an ordinary answer, not a mistake, so Valkey does not raise an error for it.">An error</Choice>
  <Explanation>
A missing key is not an error: GET answers (nil).
  </Explanation>
</Quiz>

<Recap>

- One line per key point.

</Recap>

<Sources>

- [Valkey docs: GET](https://valkey.io/commands/get/) (checked ${today.slice(0, 7)})
- [AWS docs: Quotas](https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/quota-limits.html) (checked ${today.slice(0, 7)})

</Sources>
`;
}
