/**
 * Where the time of one `locate` call goes, for the benchmark only (the shipped engine carries no
 * instrumentation): the same steps as `locate()` (utils/locate/locate.ts), each timed — the scope
 * index (rebuilt when the page changed), the search (gather, cheap scores, full facts), the decision,
 * each rule tried, and the lookalike count that rules ask for. The answer must be `locate()`'s.
 */
import { search } from '../../utils/locate/candidates';
import { duringOneCall } from '../../utils/locate/facts';
import type { LocateResult } from '../../utils/locate/locate';
import { lookalikes } from '../../utils/locate/lookalikes';
import { decided, type Evidence, RULES } from '../../utils/locate/rules';
import { scopeIndexOf } from '../../utils/locate/scopes';
import { decide, FOUND_THRESHOLD, MARGIN, MIN_EVIDENCE } from '../../utils/locate/score';
import type { TargetDescription } from '../../utils/locate/target';

export interface Phases {
  totalMs: number;
  indexMs: number;
  searchMs: number;
  decideMs: number;
  rulesMs: number;
  namesakesMs: number;
  /** The rule that answered, or `decided`. */
  rule: string;
  gathered: number;
  scored: number;
  incomplete: boolean;
}

const RULE_NAMES = [
  'fewerLookalikes',
  'loneAnchoredLookalike',
  'doubtOnFound',
  'tieBySection',
  'tieByTwinRank',
  'tieByModifier',
  'rewordedInSlot',
];

export function locateWithPhases(d: TargetDescription, root: Document): { result: LocateResult; phases: Phases } {
  return duringOneCall(() => phasesOf(d, root));
}

function phasesOf(d: TargetDescription, root: Document): { result: LocateResult; phases: Phases } {
  const t0 = performance.now();
  scopeIndexOf(root);
  const t1 = performance.now();
  const { scored, incomplete, gathered, hidden } = search(d, root, {});
  const t2 = performance.now();
  const decision = decide(scored, { threshold: FOUND_THRESHOLD, margin: MARGIN, minEvidence: MIN_EVIDENCE, incomplete });
  const t3 = performance.now();
  let namesakesMs = 0;
  let namesakes: Element[] | undefined | null = null;
  const e: Evidence = {
    d,
    scored,
    gathered,
    hidden,
    decision,
    threshold: FOUND_THRESHOLD,
    margin: MARGIN,
    tieBreaks: !incomplete,
    alike: d.alike,
    namesakes: () => {
      if (namesakes === null) {
        const s = performance.now();
        namesakes = lookalikes(d, gathered);
        namesakesMs += performance.now() - s;
      }
      return namesakes;
    },
  };
  let result: LocateResult | undefined;
  let rule = 'decided';
  for (const [i, r] of RULES.entries()) {
    result = r(e);
    if (result) {
      rule = RULE_NAMES[i] ?? `rule${i}`;
      break;
    }
  }
  result ??= decided(e);
  const t4 = performance.now();
  return {
    result,
    phases: {
      totalMs: t4 - t0,
      indexMs: t1 - t0,
      searchMs: t2 - t1,
      decideMs: t3 - t2,
      rulesMs: t4 - t3 - namesakesMs,
      namesakesMs,
      rule,
      gathered: gathered.length,
      scored: scored.length,
      incomplete,
    },
  };
}
