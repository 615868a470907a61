import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { CognitoProblem } from '../cognito/cognito-problem.ts';
import { t } from '../platform/i18n.ts';
import { describeCognitoProblem } from './describe-cognito-problem.ts';
import { submitWith } from '../ui/submit-with.ts';

interface Props {
  readonly heading: string;
  readonly intro: string;
  /** Why the previous answer was refused, if it was. */
  readonly problem: CognitoProblem | undefined;
  readonly submitLabel: string;
  readonly canSubmit: boolean;
  readonly onSubmit: () => Promise<void>;
  readonly onStartAgain: () => void;
  readonly children: ComponentChildren;
}

/** A form that answers one sign-in challenge (a new password, a code): fields, the refusal if any, submit and "Start again". */
export function ChallengeForm({ heading, intro, problem, submitLabel, canSubmit, onSubmit, onStartAgain, children }: Props) {
  const id = useId();
  return (
    <form
      class="stack"
      aria-labelledby={id}
      onSubmit={submitWith(onSubmit)}
    >
      <h3 id={id}>{heading}</h3>
      <p>{intro}</p>
      {children}
      {problem && (
        <p class="problem" role="alert">
          {describeCognitoProblem(problem)}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" class="primary" disabled={!canSubmit}>
          {submitLabel}
        </button>
        <button type="button" onClick={onStartAgain}>
          {t('startAgain')}
        </button>
      </div>
    </form>
  );
}
