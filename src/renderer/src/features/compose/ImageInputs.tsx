import { useId, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../../i18n';
import type { Quality } from '../../../../shared/api/schemas';
import { useClipMedia } from '../app';
import { Tooltip } from '../common/Tooltip';
import { useModels } from '../models';
import { useComposeStore } from './composeStore';
import type { ComposeImage } from './composeForm';
import { describeShape } from './cropMath';
import { needsShaping } from './draftRules';
import { bestQuality, longSideFor, planDownscale } from './downscale';
import { ACCEPTED_MIMES, filesOf } from './imageFiles';

/** Icons, not words: each button is named by its aria-label. */
const ICONS = { earlier: '←', later: '→', remove: '✕' };

/** The first frame (image mode) or the style frames (reference mode): drop, paste, pick or link. */
export function ImageInputs() {
  const { t } = useTranslation('compose');
  const { mode, images, aspect, error } = useComposeStore(
    useShallow((s) => ({
      mode: s.form.mode,
      images: s.form.images,
      aspect: s.form.aspectRatio,
      error: s.imageError,
    })),
  );
  const addFiles = useComposeStore((s) => s.addFiles);
  const addUrl = useComposeStore((s) => s.addUrl);
  const clearImageError = useComposeStore((s) => s.clearImageError);
  const fileInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [url, setUrl] = useState('');
  const hintId = useId();
  const single = mode === 'image';
  const modelId = useComposeStore((s) => s.form.modelId);
  const model = useModels().find((m) => m.id === modelId);
  const makes: Makes | null = model
    ? {
        model: model.id,
        quality: bestQuality(model.caps.qualities),
        longSide: longSideFor(model.caps.qualities),
      }
    : null;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = filesOf(event.dataTransfer);
    if (files.length > 0) return void addFiles(files);
    // An image dragged from a web page often arrives as its address only.
    const link = event.dataTransfer
      .getData('text/uri-list')
      .split('\n')
      .find((l) => l.startsWith('https://'));
    if (link) addUrl(link.trim());
  };

  return (
    <div className="image-inputs">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        role="group"
        aria-label={t('images.dropZone')}
        aria-describedby={hintId}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p id={hintId}>{single ? t('images.dropFirstFrame') : t('images.dropStyleFrames')}</p>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {single ? t('images.chooseOne') : t('images.chooseMany')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label={t('images.files')}
          accept={ACCEPTED_MIMES.join(',')}
          multiple={!single}
          onChange={(e) => {
            void addFiles(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </div>

      <form
        className="url-row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (addUrl(url)) setUrl('');
        }}
      >
        <label className="field grow">
          <span>{t('images.address')}</span>
          <input
            type="url"
            placeholder={t('images.addressPlaceholder')}
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              clearImageError();
            }}
          />
        </label>
        <button type="submit" disabled={!url.trim()}>
          {t('images.addAddress')}
        </button>
      </form>

      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}

      {images.length > 0 && (
        <ol className="thumbs" aria-label={t('images.list')}>
          {images.map((image, index) => (
            <Thumb
              key={image.key}
              image={image}
              index={index}
              count={images.length}
              mismatch={needsShaping(image, aspect)}
              aspect={aspect}
              makes={makes}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

/** The largest video the chosen model makes. */
interface Makes {
  model: string;
  quality: Quality;
  longSide: number;
}

interface ThumbProps {
  image: ComposeImage;
  index: number;
  count: number;
  mismatch: boolean;
  aspect: string | null;
  makes: Makes | null;
}

function Thumb({ image, index, count, mismatch, aspect, makes }: ThumbProps) {
  const { t } = useTranslation('compose');
  const removeImage = useComposeStore((s) => s.removeImage);
  const moveImage = useComposeStore((s) => s.moveImage);
  const openCrop = useComposeStore((s) => s.openCrop);
  const downscaleImage = useComposeStore((s) => s.downscaleImage);
  // Only what was read here can be drawn smaller (a link or a stored image is sent as it is).
  const smaller =
    makes && image.width && image.height && image.input && 'dataBase64' in image.input
      ? planDownscale(image.width, image.height, makes.longSide)
      : null;
  const longSide = smaller && makes ? makes.longSide : null;
  const media = useClipMedia();
  const n = index + 1;
  // A remixed clip's image is shown from the library (main sends it when the job is queued).
  const input = image.input;
  const preview =
    image.previewUrl ??
    (input && 'clipId' in input ? media(input.clipId, `input-${input.index}`) : undefined);

  return (
    <li className={`thumb${mismatch ? ' mismatch' : ''}`}>
      <div className="thumb-picture">
        {preview ? (
          <img src={preview} alt={t('images.alt', { n, name: image.name })} />
        ) : (
          <span className="thumb-placeholder">
            {image.input === null
              ? t('images.reading')
              : image.source === 'url'
                ? t('images.link')
                : t('images.stored')}
          </span>
        )}
      </div>
      <div className="thumb-info">
        <span className="thumb-name" title={image.name}>
          {t('images.name', { n, name: image.name })}
        </span>
        {image.width && image.height && (
          <span className="hint">
            {t('images.size', {
              width: image.width,
              height: image.height,
              shape: describeShape(image.width, image.height),
            })}
          </span>
        )}
        {mismatch && aspect && <span className="warning">{t('images.mismatch', { aspect })}</span>}
        {longSide && makes && (
          <span className="hint">
            {t('images.larger', { model: makes.model, quality: makes.quality })}
          </span>
        )}
      </div>
      <div className="thumb-actions">
        {image.original && (
          <button
            type="button"
            onClick={() => openCrop(image.key)}
            aria-label={t('images.cropOrFitImage', { n })}
          >
            {t('images.cropOrFit')}
          </button>
        )}
        {smaller && longSide && (
          <button type="button" onClick={() => void downscaleImage(image.key, longSide)}>
            {t('images.downscale', { width: smaller.width, height: smaller.height })}
          </button>
        )}
        {count > 1 && (
          <>
            <Tooltip label={t('images.earlier')}>
              <button
                type="button"
                disabled={index === 0}
                onClick={() => moveImage(image.key, -1)}
                aria-label={t('images.moveEarlier', { n })}
              >
                {ICONS.earlier}
              </button>
            </Tooltip>
            <Tooltip label={t('images.later')}>
              <button
                type="button"
                disabled={index === count - 1}
                onClick={() => moveImage(image.key, 1)}
                aria-label={t('images.moveLater', { n })}
              >
                {ICONS.later}
              </button>
            </Tooltip>
          </>
        )}
        <Tooltip label={t('images.remove')}>
          <button
            type="button"
            onClick={() => removeImage(image.key)}
            aria-label={t('images.removeImage', { n })}
          >
            {ICONS.remove}
          </button>
        </Tooltip>
      </div>
    </li>
  );
}
