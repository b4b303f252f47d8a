/**
 * Saving to « Mes guides » and exporting go through the review: when facts of
 * the guide still look personal and the trainer has not said they are not,
 * the question (`ReviewConfirm`) is asked first; the facts chosen for deletion
 * are removed as one edit (undone as one), then the save or export goes on
 * with the guide as it is then. Answers are remembered for this page: a fact
 * confirmed once, with the same value, is not asked about again.
 */
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ReviewedFact } from '../../utils/authoring/review';
import { factsToConfirm, type ReviewOutcome, removeFacts, type WorkingCopy } from '../../utils/editor';
import { parseGuide } from '../../utils/guide/parse';
import type { Say } from './announce';
import type { ReviewPurpose } from './ReviewConfirm';
import type { Session } from './session';

export interface ReviewGate {
  /** The question being asked, when it is. */
  asking: { purpose: ReviewPurpose; facts: ReviewedFact[] } | null;
  /**
   * Runs `go` at once when nothing is left to confirm, or after the question. `copy`: the working
   * copy as it is now, when a change just applied is not rendered yet (the end of a check on the site).
   */
  guard(purpose: ReviewPurpose, go: (copy: WorkingCopy) => void, copy?: WorkingCopy): void;
  proceed(outcome: ReviewOutcome): void;
  cancel(): void;
}

const BUTTON = { save: 'button.save-mine', export: 'button.export' } satisfies Record<ReviewPurpose, string>;

export function useReviewGate({
  session,
  say,
  focusLater,
}: {
  session: Pick<Session, 'copy' | 'apply'>;
  say: Say;
  focusLater(selector: string): void;
}): ReviewGate {
  const confirmed = useRef(new Set<string>());
  const [asking, setAsking] = useState<{ purpose: ReviewPurpose; facts: ReviewedFact[]; go: (copy: WorkingCopy) => void } | null>(null);

  function guard(purpose: ReviewPurpose, go: (copy: WorkingCopy) => void, copy: WorkingCopy = session.copy) {
    // A guide with problems is refused by the save or export itself: that comes first.
    const facts = parseGuide(copy.guide).ok ? factsToConfirm(copy.guide, confirmed.current) : [];
    if (facts.length === 0) go(copy);
    else setAsking({ purpose, facts, go });
  }

  function proceed(outcome: ReviewOutcome) {
    if (!asking) return;
    for (const key of outcome.confirmed) confirmed.current.add(key);
    const next = removeFacts(session.copy, outcome.deletions);
    if (next !== session.copy) session.apply((copy) => removeFacts(copy, outcome.deletions), i18n.t('editor.review.change'));
    setAsking(null);
    focusLater(BUTTON[asking.purpose]);
    asking.go(next);
  }

  function cancel() {
    if (!asking) return;
    setAsking(null);
    say(i18n.t('editor.review.cancelled'));
    focusLater(BUTTON[asking.purpose]);
  }

  return { asking: asking && { purpose: asking.purpose, facts: asking.facts }, guard, proceed, cancel };
}
