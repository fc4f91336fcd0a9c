import { useEffect, useRef, useState } from 'react';
import type { PairingMode } from '../../../../shared/batch';
import type { ModelInfo } from '../../../../shared/rules';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { Select } from '../common/Select';
import { filesOfDrop } from './batchImages';
import { useBatchStore } from './batchStore';

const PAIRINGS: readonly PairingMode[] = ['none', 'shared', 'byOrder', 'byName', 'matrix'];

/** Where a batch's jobs come from: a prompt list (pasted or loaded), images, variations. */
export function BatchSources({ model }: { model: ModelInfo | undefined }) {
  const { t } = useTranslation('batch');
  const form = useBatchStore();
  const { patch, addImages, clearImages } = useBatchStore.getState();
  const listFile = useRef<HTMLInputElement>(null);
  const imageFiles = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [listProblem, setListProblem] = useState<string | null>(null);
  const takesImages = model?.caps.modes.some((mode) => mode !== 'text') ?? false;

  // Not in React's types: a folder picker is an <input type=file> with this attribute.
  useEffect(() => folder.current?.setAttribute('webkitdirectory', ''), [takesImages]);

  const loadList = async (file: File | undefined) => {
    if (!file) return;
    try {
      patch({ text: await file.text(), fileName: file.name, edits: {}, removed: {} });
      setListProblem(null);
    } catch (error) {
      setListProblem(t('prompts.notRead', { name: file.name, reason: errorText(error) }));
    }
  };

  return (
    <div
      className="batch-sources"
      onDragOver={(event) => takesImages && event.preventDefault()}
      onDrop={(event) => {
        if (!takesImages) return;
        event.preventDefault();
        // Read now: the drop's data is gone once the event ends.
        void filesOfDrop(event.dataTransfer).then(addImages);
      }}
    >
      <label className="field">
        <span>{t('prompts.label')}</span>
        <textarea
          rows={6}
          value={form.text}
          aria-describedby="batch-prompts-hint"
          onChange={(event) => patch({ text: event.target.value, fileName: null })}
        />
      </label>
      <p id="batch-prompts-hint" className="hint">
        {t('prompts.hint')}
      </p>
      <div className="batch-line">
        <button type="button" onClick={() => listFile.current?.click()}>
          {t('prompts.load')}
        </button>
        {form.fileName && (
          <span className="hint">{t('prompts.loaded', { name: form.fileName })}</span>
        )}
        <input
          ref={listFile}
          type="file"
          hidden
          accept=".txt,.csv,.tsv,.tab,text/plain,text/csv,text/tab-separated-values"
          onChange={(event) => {
            void loadList(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {listProblem && (
        <p className="inline-error" role="alert">
          {listProblem}
        </p>
      )}

      {takesImages && (
        <fieldset className="batch-images">
          <legend>{t('images.label')}</legend>
          <p className="hint">{t('images.hint')}</p>
          <div className="batch-line">
            <button type="button" onClick={() => imageFiles.current?.click()}>
              {t('images.add')}
            </button>
            <button type="button" onClick={() => folder.current?.click()}>
              {t('images.addFolder')}
            </button>
            {form.images.length > 0 && (
              <>
                <span className="hint">{t('images.count', { count: form.images.length })}</span>
                <button type="button" className="quiet" onClick={clearImages}>
                  {t('images.clear')}
                </button>
              </>
            )}
          </div>
          <input
            ref={imageFiles}
            type="file"
            hidden
            multiple
            accept="image/png,image/jpeg,image/webp"
            data-testid="batch-images"
            onChange={(event) => {
              void addImages(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
          <input
            ref={folder}
            type="file"
            hidden
            multiple
            data-testid="batch-folder"
            onChange={(event) => {
              void addImages(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
          {form.refused.length > 0 && (
            <p className="inline-error" role="alert">
              {t('images.refused', { count: form.refused.length, reasons: form.refused.join(' ') })}
            </p>
          )}
          <Select
            className="field inline"
            label={t('images.pairing')}
            value={form.pairing}
            options={PAIRINGS.map((value) => ({ value, label: t(`pairing.${value}`) }))}
            onChange={(pairing) => patch({ pairing })}
          />
          <label className="switch">
            <input
              type="checkbox"
              checked={form.skipDuplicates}
              onChange={(event) => patch({ skipDuplicates: event.target.checked })}
            />
            {t('images.skipDuplicates')}
          </label>
        </fieldset>
      )}

      <div className="batch-line">
        <label className="field inline">
          <span>{t('variations')}</span>
          <input
            type="number"
            min={1}
            max={50}
            value={form.variations}
            aria-describedby="batch-variations-hint"
            onChange={(event) => patch({ variations: Math.floor(Number(event.target.value)) || 1 })}
          />
        </label>
        <span id="batch-variations-hint" className="hint">
          {t('variationsHint')}
        </span>
      </div>
      <label className="switch">
        <input
          type="checkbox"
          checked={form.stopOnFailure}
          aria-describedby="batch-stop-hint"
          onChange={(event) => patch({ stopOnFailure: event.target.checked })}
        />
        {t('stopOnFailure')}
      </label>
      <p id="batch-stop-hint" className="hint">
        {t('stopOnFailureHint')}
      </p>
    </div>
  );
}
