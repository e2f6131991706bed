/**
 * The content checker's rules for what an MDX page contains, lesson or guide: each element is a
 * registered component with the attributes it takes (component-rules.ts), each internal link leads
 * to a page, and each <Cite> is listed in <Sources>.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isPricingFigureId, PRICING_FIGURE_IDS } from '@/lib/tools/pricing-figures';
import type { MdxIndex } from '../mdx-index';
import { CALLOUT_VARIANT_NAMES, COMPONENT_RULES, KNOWN_PAGES } from './component-rules';
import type { ContentProblem } from './problems';

export function checkElements(file: string, index: MdxIndex, publicDir: string, problems: ContentProblem[]) {
  for (const element of index.elements) {
    if (/^[a-z]/.test(element.name)) continue; // plain HTML such as <br />
    const rules = COMPONENT_RULES[element.name];
    if (!rules) {
      problems.push({
        file,
        line: element.line,
        message: `<${element.name}> is not a Keyspace component: use one of ${Object.keys(COMPONENT_RULES).join(', ')}`,
      });
      continue;
    }
    for (const required of rules.required) {
      if (typeof element.attributes[required] !== 'string' || !(element.attributes[required] as string).trim()) {
        problems.push({
          file,
          line: element.line,
          message: `<${element.name}> needs a ${required}="…" attribute with a plain string value`,
        });
      }
    }
    for (const attribute of Object.keys(element.attributes)) {
      if (!rules.allowed.includes(attribute))
        problems.push({
          file,
          line: element.line,
          message: `<${element.name}> has no "${attribute}" attribute (it takes: ${rules.allowed.join(', ') || 'none'})`,
        });
    }
    if (
      element.name === 'Callout' &&
      element.attributes.variant !== undefined &&
      !CALLOUT_VARIANT_NAMES.includes(element.attributes.variant as never)
    ) {
      problems.push({
        file,
        line: element.line,
        message: `<Callout variant="${String(element.attributes.variant)}"> is not a variant: use ${CALLOUT_VARIANT_NAMES.join(', ')}`,
      });
    }
    if (
      element.name === 'PricingFigure' &&
      typeof element.attributes.of === 'string' &&
      !isPricingFigureId(element.attributes.of)
    ) {
      problems.push({
        file,
        line: element.line,
        message: `<PricingFigure of="${element.attributes.of}"> is not a figure: use ${PRICING_FIGURE_IDS.join(', ')}`,
      });
    }
    if (element.name === 'Figure' && typeof element.attributes.src === 'string') {
      const src = element.attributes.src;
      if (!src.startsWith('/') || !existsSync(path.join(publicDir, src)))
        problems.push({
          file,
          line: element.line,
          message: `<Figure src="${src}"> does not exist: put the file in public${src.startsWith('/') ? src : `/${src}`}`,
        });
    }
  }
}

export function checkLinks(file: string, index: MdxIndex, slugs: Set<string>, problems: ContentProblem[]) {
  for (const link of index.links) {
    if (!link.url.startsWith('/')) continue;
    const pathOnly = link.url.split(/[?#]/)[0] ?? '';
    const lessonMatch = /^\/learn\/([^/]+)\/?$/.exec(pathOnly);
    const known = lessonMatch
      ? slugs.has(lessonMatch[1]!)
      : (KNOWN_PAGES as readonly string[]).includes(pathOnly.replace(/\/$/, '') || '/');
    if (!known)
      problems.push({
        file,
        line: link.line,
        message: `link to ${link.url} goes nowhere: ${lessonMatch ? `there is no lesson "${lessonMatch[1]}"` : 'no such page'}`,
      });
  }
}

/** Each cited address is listed in <Sources>: a <Cite> link is out of the Tab order, so the list is how a keyboard reaches it. */
export function checkCitedSources(file: string, index: MdxIndex, problems: ContentProblem[]) {
  const sourcesLine = index.elements.find((element) => element.name === 'Sources')?.line;
  if (sourcesLine === undefined) return;
  const listed = new Set(index.links.filter((link) => link.line > sourcesLine).map((link) => link.url));
  for (const cite of index.elements.filter((element) => element.name === 'Cite')) {
    const href = cite.attributes.href;
    if (typeof href === 'string' && !listed.has(href))
      problems.push({
        file,
        line: cite.line,
        message: `<Cite> links to ${href}, which is not in the lesson's <Sources>: add it there (the keyboard reaches sources through that list)`,
      });
  }
}
