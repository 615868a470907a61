import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// axe-core (https://github.com/dequelabs/axe-core) run inside an extension page. The pages' CSP refuses remote and
// inline scripts, but code evaluated over the DevTools protocol (Playwright's evaluate, Runtime.evaluate) runs.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe tags its rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One rule a page breaks, with the elements that break it. */
export interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/** Evaluates a JavaScript expression in the page and gives its (JSON) value: Page.evaluate, or ActionPopup.evaluate. */
export type EvaluateIn = (expression: string) => Promise<unknown>;

// Every rule of these tags, also those axe leaves off by default (label-content-name-mismatch, WCAG 2.5.3) or
// calls experimental: a runOnly list of rule ids runs each of them.
const RUN = `(async () => {
  const rules = axe.getRules(${JSON.stringify(WCAG_TAGS)}).map((rule) => rule.ruleId);
  const result = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
  }));
})()`;

/** Runs axe's WCAG 2.0/2.1 A and AA rules on the page's document as it is now, injecting axe first when the page lacks it. */
export async function axeViolations(evaluate: EvaluateIn): Promise<readonly AxeViolation[]> {
  if ((await evaluate('typeof axe')) === 'undefined') await evaluate(`${AXE_SOURCE};0`);
  return (await evaluate(RUN)) as readonly AxeViolation[];
}

/** One line per violated rule and element, for a failure message: "<state>: <rule id> at <selector>: <what to fix>". */
export function describeViolations(state: string, violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${state}: ${violation.id} (${violation.help}) at ${node.target}: ${node.summary.replace(/\s+/g, ' ').trim()}`),
  );
}
