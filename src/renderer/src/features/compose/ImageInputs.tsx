import { useId, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
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

/** The first frame (image mode) or the style frames (reference mode): drop, paste, pick or link. */
export function ImageInputs() {
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
        aria-label="Image drop zone"
        aria-describedby={hintId}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p id={hintId}>
          {single ? 'Drop the first frame here' : 'Drop style frames here'}, paste from the
          clipboard, or choose {single ? 'a file' : 'files'}. PNG, JPEG or WebP, up to 10 MB.
        </p>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {single ? 'Choose image…' : 'Choose images…'}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="Image files"
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
          <span>Or an image address (https)</span>
          <input
            type="url"
            placeholder="https://…"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              clearImageError();
            }}
          />
        </label>
        <button type="submit" disabled={!url.trim()}>
          Add address
        </button>
      </form>

      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}

      {images.length > 0 && (
        <ol className="thumbs" aria-label="Input images">
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
          <img src={preview} alt={`Image ${n}: ${image.name}`} />
        ) : (
          <span className="thumb-placeholder">
            {image.input === null ? 'Reading…' : image.source === 'url' ? 'Link' : 'Stored'}
          </span>
        )}
      </div>
      <div className="thumb-info">
        <span className="thumb-name" title={image.name}>
          {n}. {image.name}
        </span>
        {image.width && image.height && (
          <span className="hint">
            {image.width}×{image.height} ({describeShape(image.width, image.height)})
          </span>
        )}
        {mismatch && <span className="warning">Not {aspect}: crop, fit or keep it.</span>}
        {longSide && makes && (
          <span className="hint">
            This is larger than {makes.model} makes ({makes.quality}): a smaller frame uploads
            faster and looks the same.
          </span>
        )}
      </div>
      <div className="thumb-actions">
        {image.original && (
          <button
            type="button"
            onClick={() => openCrop(image.key)}
            aria-label={`Crop or fit image ${n}`}
          >
            Crop or fit
          </button>
        )}
        {smaller && longSide && (
          <button type="button" onClick={() => void downscaleImage(image.key, longSide)}>
            Downscale to {smaller.width}×{smaller.height}
          </button>
        )}
        {count > 1 && (
          <>
            <Tooltip label="Earlier">
              <button
                type="button"
                disabled={index === 0}
                onClick={() => moveImage(image.key, -1)}
                aria-label={`Move image ${n} earlier`}
              >
                ←
              </button>
            </Tooltip>
            <Tooltip label="Later">
              <button
                type="button"
                disabled={index === count - 1}
                onClick={() => moveImage(image.key, 1)}
                aria-label={`Move image ${n} later`}
              >
                →
              </button>
            </Tooltip>
          </>
        )}
        <Tooltip label="Remove">
          <button
            type="button"
            onClick={() => removeImage(image.key)}
            aria-label={`Remove image ${n}`}
          >
            ✕
          </button>
        </Tooltip>
      </div>
    </li>
  );
}
