import type { VideoMode } from '../../../../shared/api/schemas';
import type { JobRequest } from '../../../../shared/jobs';
import type { ModelInfo, RequestProblem } from '../../../../shared/rules';
import { i18n } from '../../i18n';

const modeName = (mode: VideoMode): string => i18n.t(`compose:modes.names.${mode}`);

/**
 * A problem of the shared rules (which main also applies, and words in English for its log)
 * said in the UI's language: the field names the rule, the request and caps give its values.
 */
export function requestProblemText(
  problem: RequestProblem,
  request: JobRequest,
  model: ModelInfo,
): string {
  const { caps } = model;
  switch (problem.field) {
    case 'mode':
      return i18n.t('compose:rules.modeNotOffered', {
        model: model.id,
        mode: modeName(request.mode),
        modes: caps.modes.map(modeName).join(', '),
      });
    case 'durationSeconds':
      return i18n.t('compose:rules.duration', {
        model: model.id,
        min: caps.min_duration_s,
        max: caps.max_duration_s,
        seconds: request.durationSeconds,
      });
    case 'aspectRatio':
      return i18n.t('compose:rules.notOffered', {
        model: model.id,
        value: request.aspectRatio ?? '',
        values: caps.aspect_ratios.join(', '),
      });
    case 'quality':
      return i18n.t('compose:rules.notOffered', {
        model: model.id,
        value: request.quality ?? '',
        values: caps.qualities.join(', '),
      });
    case 'inputImages':
      if (request.mode === 'text') return i18n.t('compose:rules.textNoImages');
      if (request.mode === 'image') return i18n.t('compose:rules.imageOneFrame');
      return i18n.t('compose:rules.referenceFrames');
    default:
      return `${problem.message}.`;
  }
}
