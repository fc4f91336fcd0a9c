import type { JobProblem, JobWarning, PlannedJob, PlanProblem } from '../../../../shared/batch';
import type { PromptListProblem, PromptListWarning } from '../../../../shared/batch/promptList';
import { toJobDraft } from '../../../../shared/batch';
import type { JobRequest } from '../../../../shared/jobs';
import type { ModelInfo } from '../../../../shared/rules';
import { i18n } from '../../i18n';
import { requestProblemText } from '../compose';

const placeholder = { url: 'https://image.invalid/' } as const;

/** A job's problem in the UI's language; over-cap ones as Compose says them. */
export function jobProblemText(
  problem: JobProblem,
  job: PlannedJob,
  models: readonly ModelInfo[],
): string {
  switch (problem.code) {
    case 'over-cap': {
      const model = models.find((m) => m.id === problem.model);
      const request: JobRequest = toJobDraft(
        job.draft,
        job.draft.image !== null ? placeholder : null,
      ) as JobRequest;
      return model
        ? requestProblemText({ field: problem.field, message: problem.field }, request, model)
        : i18n.t('batch:problem.unknown-model', { model: problem.model });
    }
    case 'unknown-model':
      return i18n.t('batch:problem.unknown-model', { model: problem.model });
    case 'empty-prompt':
      return problem.line === null
        ? i18n.t('batch:problem.empty-compose-prompt')
        : i18n.t('batch:problem.empty-prompt', { line: problem.line });
    case 'prompt-too-long':
      return i18n.t('batch:problem.prompt-too-long', { length: problem.length, max: problem.max });
    case 'no-image':
      return i18n.t(`batch:problem.${problem.reason}`, { name: problem.name ?? '' });
    case 'bad-number':
    case 'bad-boolean':
      return i18n.t(`batch:problem.${problem.code}`, {
        line: problem.line,
        value: problem.value,
        field: fieldName(problem.field),
      });
    case 'out-of-range':
      return i18n.t('batch:problem.out-of-range', { ...problem, field: fieldName(problem.field) });
    case 'field-count':
      return i18n.t('batch:problem.field-count', problem);
    default:
      return i18n.t(`batch:problem.${problem.code}`, { line: problem.line });
  }
}

const fieldName = (field: string) => i18n.t(`batch:fields.${field as 'seed'}`);

export function jobWarningText(warning: JobWarning): string {
  switch (warning.code) {
    case 'duplicate-image':
      return i18n.t('batch:problem.same-as', { image: warning.duplicateOf + 1 });
    case 'ambiguous-image':
      return i18n.t('batch:problem.ambiguous', { name: warning.name });
    default:
      return i18n.t(`batch:problem.${warning.code}`);
  }
}

export function planProblemText(problem: PlanProblem): string {
  switch (problem.code) {
    case 'duplicate-image':
      return i18n.t(
        problem.skipped ? 'batch:problem.duplicate-image-skipped' : 'batch:problem.duplicate-image',
        { image: problem.image + 1, duplicateOf: problem.duplicateOf + 1 },
      );
    case 'unused-images':
      return i18n.t('batch:problem.unused-images', { count: problem.images.length });
    case 'unused-rows':
      return i18n.t('batch:problem.unused-rows', { count: problem.lines.length });
    case 'expansion-capped':
      return i18n.t('batch:problem.expansion-capped', problem);
    case 'plan-capped':
      return i18n.t('batch:problem.plan-capped', problem);
    case 'bad-variations':
      return i18n.t('batch:problem.bad-variations', problem);
    default:
      return i18n.t(`batch:problem.${problem.code}`);
  }
}

export function listProblemText(problem: PromptListProblem | PromptListWarning): string {
  return problem.code === 'missing-prompt-column'
    ? i18n.t('batch:problem.missing-prompt-column', { line: problem.line })
    : i18n.t(`batch:problem.${problem.code}`, { column: problem.column, name: problem.name });
}

/** "wan-2.6 · 8 s · 16:9 · 720p · seed 7". */
export function describePlanned(job: PlannedJob): string {
  const r = job.draft;
  return [
    r.model,
    i18n.t('queue:request.seconds', { value: r.durationSeconds }),
    r.aspectRatio,
    r.quality,
    r.seed !== undefined ? i18n.t('queue:request.seed', { seed: r.seed }) : null,
    r.sound ? i18n.t('queue:request.sound') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
