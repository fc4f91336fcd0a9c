import { create } from 'zustand';
import type { ImageInput } from '../../../../shared/jobDraft';
import type { ModelInfo } from '../../../../shared/rules';
import { i18n } from '../../i18n';
import { errorText, failureText } from '../common/errors';
import { useModelsStore } from '../models';
import {
  emptyForm,
  newImageKey,
  storedImage,
  type ComposeForm,
  type ComposeImage,
} from './composeForm';
import { planShape, type ShapeMode } from './cropMath';
import { changesText, fitToModel, needsShaping } from './draftRules';
import { decodeImage, previewUrl, releasePreview, renderPlan } from './imageCanvas';
import { planDownscale } from './downscale';
import { base64ToBlob, blobToBase64, checkImageFile, checkImageUrl } from './imageFiles';
import { loadPromptHistory, rememberPrompt } from './promptHistory';

const MAX_IMAGES = 8;

/** What compose should start from: a job to edit, or a clip to remix. */
export interface Prefill {
  request: Omit<Partial<ComposeForm>, 'images'> & { inputImages?: ImageInput[] };
  /** What the input images are called, by place, where the caller knows (a clip's files). */
  imageNames?: (string | undefined)[];
  editingJobId?: string | null;
  notice?: string | null;
}

interface ComposeStore {
  form: ComposeForm;
  /** What the last model switch or prefill changed, said to the user. */
  notice: string | null;
  imageError: string | null;
  /** The image whose crop-or-fit dialog is open. */
  cropKey: string | null;
  editingJobId: string | null;
  history: string[];
  patch: (change: Partial<ComposeForm>) => void;
  /** Keeps the form valid for the models there are (first load, a model gone). */
  syncModels: (models: readonly ModelInfo[]) => void;
  selectModel: (model: ModelInfo) => void;
  addFiles: (files: readonly File[]) => Promise<void>;
  addUrl: (url: string) => boolean;
  /** The user is correcting what was refused: the old reason no longer applies. */
  clearImageError: () => void;
  removeImage: (key: string) => void;
  moveImage: (key: string, delta: -1 | 1) => void;
  shapeImage: (key: string, mode: ShapeMode, position?: number) => Promise<void>;
  keepShape: (key: string) => void;
  /** Draws the image as sent at `longSide` pixels on its long side (no larger than the model makes). */
  downscaleImage: (key: string, longSide: number) => Promise<void>;
  openCrop: (key: string | null) => void;
  prefill: (prefill: Prefill) => void;
  stopEditing: () => void;
  submitted: (prompt: string) => void;
  dismissNotice: () => void;
}

const initial = () => ({
  form: emptyForm,
  notice: null,
  imageError: null,
  cropKey: null,
  editingJobId: null,
  history: loadPromptHistory(),
});

/** The compose form's state; it lives outside the component so switching screens keeps it. */
export const useComposeStore = create<ComposeStore>((set, get) => {
  const updateImage = (key: string, change: Partial<ComposeImage>) =>
    set((s) => ({
      form: {
        ...s.form,
        images: s.form.images.map((i) => (i.key === key ? { ...i, ...change } : i)),
      },
    }));

  /**
   * Reads a file into the image `key`. `replaced` are the images it stands in for (image
   * mode's one first frame): they stay until it is read, and come back if it cannot be.
   */
  async function readFile(key: string, file: File, replaced: ComposeImage[]): Promise<void> {
    try {
      const mime = file.type as NonNullable<ComposeImage['original']>['mime'];
      const size = await decodeImage(file);
      const dataBase64 = await blobToBase64(file);
      updateImage(key, {
        input: { mime, dataBase64 },
        previewUrl: previewUrl(file),
        width: size.width,
        height: size.height,
        original: { blob: file, mime, ...size },
      });
      replaced.forEach((i) => releasePreview(i.previewUrl));
      const image = get().form.images.find((i) => i.key === key);
      if (image && needsShaping(image, get().form.aspectRatio) && get().cropKey === null)
        set({ cropKey: key });
    } catch (error) {
      set((s) => {
        const others = s.form.images.filter((i) => i.key !== key);
        return {
          imageError: i18n.t('compose:imageErrors.notUsed', {
            name: file.name,
            reason: errorText(error),
          }),
          form: { ...s.form, images: others.length === 0 ? replaced : others },
        };
      });
    }
  }

  return {
    ...initial(),
    patch: (change) => set((s) => ({ form: { ...s.form, ...change } })),
    syncModels(models) {
      const { form } = get();
      const current = models.find((m) => m.id === form.modelId);
      const model = current ?? models[0];
      if (!model) return;
      const fitted = fitToModel(form, model);
      const notice =
        form.modelId && !current
          ? i18n.t('compose:changes.unavailable', { model: form.modelId, other: model.id })
          : get().notice;
      set({ form: fitted.form, notice });
    },
    selectModel(model) {
      const fitted = fitToModel(get().form, model);
      set({ form: fitted.form, notice: changesText('switched', model.id, fitted.changes) });
    },
    async addFiles(files) {
      const problems: string[] = [];
      const accepted: { key: string; file: File }[] = [];
      for (const file of files) {
        const problem = checkImageFile(file);
        if (problem) problems.push(problem);
        else accepted.push({ key: newImageKey(), file });
      }
      const { form } = get();
      // Image mode animates one first frame: a new one replaces it.
      const keep = form.mode === 'image' ? [] : form.images;
      const adding =
        form.mode === 'image' ? accepted.slice(-1) : accepted.slice(0, MAX_IMAGES - keep.length);
      if (adding.length < accepted.length && form.mode !== 'image')
        problems.push(i18n.t('compose:imageErrors.tooMany', { max: MAX_IMAGES }));
      const loading: ComposeImage[] = adding.map(({ key, file }) => ({
        key,
        source: 'file',
        name: file.name || i18n.t('compose:images.pasted'),
        input: null,
        previewUrl: null,
        width: null,
        height: null,
        original: null,
        keepShape: false,
      }));
      set({
        imageError: problems.length > 0 ? problems.join(' ') : null,
        form: { ...form, images: adding.length > 0 ? [...keep, ...loading] : form.images },
      });
      const replaced = form.mode === 'image' ? form.images : [];
      await Promise.all(adding.map(({ key, file }) => readFile(key, file, replaced)));
    },
    addUrl(url) {
      const problem = checkImageUrl(url);
      if (problem) {
        set({ imageError: problem });
        return false;
      }
      const image = storedImage({ url: url.trim() });
      set((s) => ({
        imageError: null,
        form: {
          ...s.form,
          images:
            s.form.mode === 'image' ? [image] : [...s.form.images, image].slice(0, MAX_IMAGES),
        },
      }));
      return true;
    },
    clearImageError: () => {
      if (get().imageError !== null) set({ imageError: null });
    },
    removeImage(key) {
      const image = get().form.images.find((i) => i.key === key);
      releasePreview(image?.previewUrl ?? null);
      set((s) => ({
        form: { ...s.form, images: s.form.images.filter((i) => i.key !== key) },
        cropKey: s.cropKey === key ? null : s.cropKey,
      }));
    },
    moveImage(key, delta) {
      const images = [...get().form.images];
      const from = images.findIndex((i) => i.key === key);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= images.length) return;
      const [moved] = images.splice(from, 1);
      if (moved) images.splice(to, 0, moved);
      set((s) => ({ form: { ...s.form, images } }));
    },
    async shapeImage(key, mode, position = 0.5) {
      const image = get().form.images.find((i) => i.key === key);
      const aspect = get().form.aspectRatio;
      if (!image?.original || !aspect) return;
      const { blob, mime, width, height } = image.original;
      const plan = planShape(mode, width, height, aspect, position);
      try {
        const shaped = await renderPlan(blob, plan, mime);
        const dataBase64 = await blobToBase64(shaped);
        releasePreview(image.previewUrl);
        updateImage(key, {
          input: { mime, dataBase64 },
          previewUrl: previewUrl(shaped),
          width: plan.width,
          height: plan.height,
          keepShape: false,
        });
        set({ cropKey: null, imageError: null });
      } catch (error) {
        const what = { name: image.name, reason: errorText(error) };
        set({ imageError: i18n.t(`compose:imageErrors.shapeFailed.${mode}`, what) });
      }
    },
    async downscaleImage(key, longSide) {
      const image = get().form.images.find((i) => i.key === key);
      const input = image?.input;
      if (!image?.width || !image.height || !input || !('dataBase64' in input)) return;
      const plan = planDownscale(image.width, image.height, longSide);
      if (!plan) return;
      try {
        const blob = base64ToBlob(input.dataBase64, input.mime);
        const smaller = await renderPlan(blob, plan, input.mime);
        const dataBase64 = await blobToBase64(smaller);
        releasePreview(image.previewUrl);
        updateImage(key, {
          input: { mime: input.mime, dataBase64 },
          previewUrl: previewUrl(smaller),
          width: plan.width,
          height: plan.height,
        });
        set({ imageError: null });
      } catch (error) {
        const what = i18n.t('compose:imageErrors.downscaleFailed', { name: image.name });
        set({ imageError: failureText(what, error) });
      }
    },
    keepShape(key) {
      updateImage(key, { keepShape: true });
      set({ cropKey: null });
    },
    openCrop: (cropKey) => set({ cropKey }),
    prefill({ request, imageNames = [], editingJobId = null, notice = null }) {
      const { inputImages = [], ...fields } = request;
      get().form.images.forEach((i) => releasePreview(i.previewUrl));
      const form: ComposeForm = {
        ...emptyForm,
        ...fields,
        images: inputImages.map((input, i) => storedImage(input, imageNames[i])),
        modelId: fields.modelId ?? get().form.modelId,
      };
      // What the model no longer allows is changed now, and said.
      const model = useModelsStore.getState().models.find((m) => m.id === form.modelId);
      const fitted = model ? fitToModel(form, model) : { form, changes: [] };
      const adjusted = changesText('adjusted', form.modelId, fitted.changes);
      set({
        form: fitted.form,
        editingJobId,
        notice: [notice, adjusted].filter(Boolean).join(' ') || null,
        imageError: null,
        cropKey: null,
      });
      get().syncModels(useModelsStore.getState().models);
    },
    stopEditing: () => set({ editingJobId: null }),
    submitted(prompt) {
      set((s) => ({
        history: rememberPrompt(s.history, prompt),
        editingJobId: null,
        form: { ...s.form, continues: null },
      }));
    },
    dismissNotice: () => set({ notice: null }),
  };
});

export function resetComposeStoreForTests(): void {
  useComposeStore.setState(initial());
}
