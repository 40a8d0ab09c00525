// Accessibility checks with axe-core against WCAG 2 A and AA. Every violation found is printed, whatever its impact,
// so it can be fixed; callers assert on the serious and critical ones.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export async function checkAccessibility(page: Page, screen: string): Promise<{ all: AxeFinding[]; serious: AxeFinding[] }> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const all = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  }));
  if (all.length > 0) {
    const lines = all.map((finding) => `  [${finding.impact}] ${finding.id}: ${finding.help}\n${finding.targets.map((target) => `      ${target}`).join('\n')}`);
    console.log(`axe: ${screen}: ${all.length} violation(s)\n${lines.join('\n')}`);
  } else {
    console.log(`axe: ${screen}: no violations`);
  }
  return { all, serious: all.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical') };
}
