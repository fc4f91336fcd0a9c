/** A row's action buttons, named in the user's words (`queue:actions`). */
import { i18n } from '../../i18n';
import type { JobAction } from './jobView';

export function actionLabel(action: JobAction): string {
  return i18n.t(`queue:actions.${action}`);
}

/** Moving a job is shown as an arrow; its name stays the button's text for screen readers. */
const moveArrows: Partial<Record<JobAction | 'bottom', string>> = {
  top: 'M6 5h12M12 19V9M7.5 13.5 12 9l4.5 4.5',
  up: 'M12 19V5M7 10l5-5 5 5',
  down: 'M12 5v14M7 14l5 5 5-5',
  bottom: 'M6 19h12M12 5v10M7.5 10.5 12 15l4.5-4.5',
};

export function ActionButton(props: {
  action: JobAction | 'bottom';
  label: string;
  onClick: () => void;
}) {
  const arrow = moveArrows[props.action];
  return (
    <button
      type="button"
      className={arrow ? 'job-move' : undefined}
      data-action={props.action}
      title={arrow ? props.label : undefined}
      onClick={props.onClick}
    >
      {arrow ? (
        <>
          <svg
            viewBox="0 0 24 24"
            width="14"
            height="14"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
            focusable="false"
          >
            <path d={arrow} />
          </svg>
          <span className="visually-hidden">{props.label}</span>
        </>
      ) : (
        props.label
      )}
    </button>
  );
}
