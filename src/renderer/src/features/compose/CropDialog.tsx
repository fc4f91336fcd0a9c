import { useEffect, useId, useState } from 'react';
import { useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { Slider } from '../common/Slider';
import { useComposeStore } from './composeStore';
import { describeShape, planCrop, planFit, ratioOf } from './cropMath';
import { previewUrl, releasePreview, renderPlan } from './imageCanvas';

/** Crop or fit an image to the video's shape, with a preview of each; or keep it as it is. */
export function CropDialog() {
  const { t } = useTranslation('compose');
  const cropKey = useComposeStore((s) => s.cropKey);
  const image = useComposeStore((s) => s.form.images.find((i) => i.key === s.cropKey));
  const aspect = useComposeStore((s) => s.form.aspectRatio);
  const openCrop = useComposeStore((s) => s.openCrop);
  const shapeImage = useComposeStore((s) => s.shapeImage);
  const keepShape = useComposeStore((s) => s.keepShape);
  const [position, setPosition] = useState(50);
  const [previews, setPreviews] = useState<{
    crop: string | null;
    fit: string | null;
    error: string | null;
  }>({ crop: null, fit: null, error: null });
  const [busy, setBusy] = useState(false);
  const positionLabel = useId();
  const original = image?.original ?? null;

  useEffect(() => {
    if (!original || !aspect) return;
    let live = true;
    const urls: string[] = [];
    const render = async () => {
      const crop = await renderPlan(
        original.blob,
        planCrop(original.width, original.height, aspect, position / 100, 480),
        original.mime,
      );
      const fit = await renderPlan(
        original.blob,
        planFit(original.width, original.height, aspect, 480),
        original.mime,
      );
      urls.push(previewUrl(crop), previewUrl(fit));
      if (live) setPreviews({ crop: urls[0] ?? null, fit: urls[1] ?? null, error: null });
    };
    render().catch(
      (error: unknown) => live && setPreviews({ crop: null, fit: null, error: errorText(error) }),
    );
    return () => {
      live = false;
      urls.forEach(releasePreview);
    };
  }, [original, aspect, position]);

  if (!cropKey || !image || !original || !aspect) return null;
  const shape = describeShape(original.width, original.height);
  const cutsWidth = original.width / original.height > ratioOf(aspect);

  const apply = async (mode: 'crop' | 'fit') => {
    setBusy(true);
    await shapeImage(image.key, mode, position / 100);
    setBusy(false);
  };

  return (
    <Dialog
      title={t('crop.title', { aspect })}
      onClose={() => openCrop(null)}
      className="crop-dialog"
    >
      <p>
        {t('crop.intro', {
          name: image.name,
          width: original.width,
          height: original.height,
          shape,
          aspect,
        })}
      </p>
      {previews.error && (
        <p className="inline-error" role="alert">
          {t('crop.previewFailed', { reason: previews.error })}
        </p>
      )}
      <div className="crop-previews">
        <figure>
          <div className={`crop-frame aspect-${aspect.replace(':', 'x')}`}>
            {previews.crop && <img src={previews.crop} alt={t('crop.croppedAlt', { aspect })} />}
          </div>
          <figcaption>{t('crop.crop')}</figcaption>
          <div className="field">
            <span id={positionLabel}>
              {cutsWidth ? t('crop.positionAcross') : t('crop.positionDown')}
            </span>
            <Slider
              labelledBy={positionLabel}
              min={0}
              max={100}
              value={position}
              valueText={t('crop.percent', { value: position })}
              onChange={setPosition}
            />
          </div>
        </figure>
        <figure>
          <div className={`crop-frame aspect-${aspect.replace(':', 'x')}`}>
            {previews.fit && <img src={previews.fit} alt={t('crop.fittedAlt', { aspect })} />}
          </div>
          <figcaption>{t('crop.fit')}</figcaption>
        </figure>
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          data-autofocus
          disabled={busy}
          onClick={() => void apply('crop')}
        >
          {t('crop.cropTo', { aspect })}
        </button>
        <button type="button" disabled={busy} onClick={() => void apply('fit')}>
          {t('crop.fitIn', { aspect })}
        </button>
        <button type="button" disabled={busy} onClick={() => keepShape(image.key)}>
          {t('crop.keep')}
        </button>
        <button type="button" className="quiet" onClick={() => openCrop(null)}>
          {t('crop.later')}
        </button>
      </div>
    </Dialog>
  );
}
