import { isPricingFigureId, PRICING_FIGURES } from '@/lib/tools/pricing-figures';

/**
 * A price or a cost in a lesson, computed by the sizing tool's module from the dated facts in
 * content/facts/elasticache.json (`<PricingFigure of="valkey-floor" />` prints "$6"), so the lesson
 * and the tool always agree. The content checker rejects an unknown `of`.
 */
export function PricingFigure({ of }: { of: string }) {
  if (!isPricingFigureId(of))
    throw new Error(`<PricingFigure of="${of}"> is not a figure of lib/tools/pricing-figures.ts`);
  return <span className="whitespace-nowrap">{PRICING_FIGURES[of]()}</span>;
}
