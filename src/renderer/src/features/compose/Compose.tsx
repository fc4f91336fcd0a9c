import { KeyPicker, pinnedKey } from '../keys';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { Tooltip } from '../common/Tooltip';
import { useJobsStore } from '../jobs';
import { useModels } from '../models';
import { useGo } from '../nav';
import { useComposeStore } from './composeStore';
import { ContinuesNotice } from './ContinuesNotice';
import { CostSummary } from './CostSummary';
import { LazyCropDialog } from './LazyCropDialog';
import { composeProblems, toDraft } from './draftRules';
import { ImageInputs } from './ImageInputs';
import { filesOf } from './imageFiles';
import { ModeTabs } from './ModeTabs';
import { ModelPicker } from './ModelPicker';
import { ParameterFields } from './ParameterFields';
import { PromptField } from './PromptField';
import './compose.css';

/** An icon, not a word: the button is named by its aria-label. */
const CROSS = '✕';

type Outcome = { kind: 'queued'; jobIds: string[] } | { kind: 'error'; message: string } | null;

interface ComposeProps {
  /** Beside Generate: what else makes jobs from this form (the batch builder's button). */
  more?: ReactNode;
}

/** Write a request: model, mode, prompt, images and parameters, with its cost; then Generate. */
export function Compose({ more }: ComposeProps = {}) {
  const { t } = useTranslation('compose');
  const models = useModels();
  const form = useComposeStore((s) => s.form);
  const notice = useComposeStore((s) => s.notice);
  const editingJobId = useComposeStore((s) => s.editingJobId);
  const { syncModels, patch, addFiles, submitted, stopEditing, dismissNotice } =
    useComposeStore.getState();
  const submit = useJobsStore((s) => s.submit);
  const edit = useJobsStore((s) => s.edit);
  const go = useGo();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const reasonsId = useId();

  useEffect(() => {
    if (models.length > 0) syncModels(models);
  }, [models, syncModels]);

  const model = models.find((m) => m.id === form.modelId);
  const problems = composeProblems(form, model);
  const ready = problems.length === 0 && !busy;

  // A second Ctrl+Enter before the first answer must not pay twice.
  const inFlight = useRef(false);
  const generate = async () => {
    if (!ready || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setOutcome(null);
    try {
      if (editingJobId) {
        await edit(editingJobId, toDraft(form));
        submitted(form.prompt);
        go('Queue', { kind: 'job', id: editingJobId });
      } else {
        const jobs = await submit(toDraft(form), form.copies, pinnedKey().keyId);
        submitted(form.prompt);
        setOutcome({ kind: 'queued', jobIds: jobs.map((j) => j.id) });
      }
    } catch (error) {
      setOutcome({ kind: 'error', message: errorText(error) });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  // Ctrl/Cmd+Enter anywhere on the screen, wherever the focus is.
  const generateRef = useRef(generate);
  useEffect(() => {
    generateRef.current = generate;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented)
        return;
      event.preventDefault();
      void generateRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Images pasted anywhere on the screen become input images.
  const pasteRef = useRef((_files: File[]) => {});
  useEffect(() => {
    pasteRef.current = (files) => {
      if (form.mode === 'text') {
        const next = model?.caps.modes.includes('image')
          ? 'image'
          : model?.caps.modes.includes('reference')
            ? 'reference'
            : null;
        if (!next) return;
        patch({ mode: next });
      }
      void addFiles(files);
    };
  });
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = filesOf(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      pasteRef.current(files);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);

  return (
    <section className="compose" aria-label={t('screen')}>
      {editingJobId && (
        <div className="banner info" role="status">
          <span>{t('editing.banner')}</span>
          <button type="button" onClick={stopEditing}>
            {t('editing.stop')}
          </button>
        </div>
      )}
      <ContinuesNotice />
      {notice && (
        <div className="banner info" role="status">
          <span>{notice}</span>
          <Tooltip label={t('dismiss')}>
            <button
              type="button"
              className="quiet"
              onClick={dismissNotice}
              aria-label={t('dismissMessage')}
            >
              {CROSS}
            </button>
          </Tooltip>
        </div>
      )}

      <div className="compose-grid">
        <div className="compose-main">
          <ModelPicker />
          {model && (
            <ModeTabs
              modes={model.caps.modes}
              mode={form.mode}
              onChange={(mode) => patch({ mode })}
            >
              <PromptField />
              {form.mode !== 'text' && <ImageInputs />}
            </ModeTabs>
          )}
        </div>

        {model && (
          <div className="compose-side">
            <ParameterFields model={model} />
            <CostSummary model={model} />
            <div className="generate">
              <label className="field inline">
                <span>{t('copies')}</span>
                <input
                  type="number"
                  min={1}
                  max={50}
                  value={form.copies}
                  onChange={(e) => patch({ copies: Math.floor(Number(e.target.value)) || 1 })}
                />
              </label>
              {!editingJobId && <KeyPicker />}
              <button
                type="button"
                className="primary"
                aria-disabled={!ready}
                aria-describedby={problems.length > 0 ? reasonsId : undefined}
                onClick={() => void generate()}
              >
                {busy ? t('adding') : editingJobId ? t('saveJob') : t('generate')}
              </button>
              <span className="hint">{t('shortcut')}</span>
              {!editingJobId && more}
            </div>
            {problems.length > 0 && (
              <ul id={reasonsId} className="reasons" aria-label={t('reasons')}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            {outcome?.kind === 'queued' && (
              <p role="status" className="ok-line">
                {t('queued', { count: outcome.jobIds.length })}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    go(
                      'Queue',
                      outcome.jobIds[0] ? { kind: 'job', id: outcome.jobIds[0] } : undefined,
                    )
                  }
                >
                  {t('showInQueue')}
                </button>
              </p>
            )}
            {outcome?.kind === 'error' && (
              <p role="alert" className="inline-error">
                {t('notQueued', { reason: outcome.message })}
              </p>
            )}
          </div>
        )}
      </div>
      <LazyCropDialog />
    </section>
  );
}
