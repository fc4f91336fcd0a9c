import type { AspectRatio, Quality, VideoMode } from '../../../../shared/api/schemas';
import type { ImageInput } from '../../../../shared/jobDraft';
import type { ImageMime } from '../../../../shared/jobs';
import { i18n } from '../../i18n';

/** One input image as compose holds it, before it becomes part of a JobDraft. */
export interface ComposeImage {
  key: string;
  /** A file read here, an https URL, an image main stores (edit), or a library clip's (remix). */
  source: 'file' | 'url' | 'stored' | 'clip';
  /** File name or URL, for people. */
  name: string;
  /** What is sent; null while the file is still being read. */
  input: ImageInput | null;
  /** A blob: URL of what is sent, for the thumbnail (files only). */
  previewUrl: string | null;
  /** Size of what is sent (files only). */
  width: number | null;
  height: number | null;
  /** The file as given, so it can be cropped again when the aspect ratio changes. */
  original: { blob: Blob; mime: ImageMime; width: number; height: number } | null;
  /** The user chose to send it in its own shape. */
  keepShape: boolean;
}

/** The saved clip a job continues ("Continue from this frame"), and from where in it. */
export interface ComposeContinues {
  clipId: string;
  /** For people: the clip's name, or its id where only that is known (a job edited). */
  name: string;
  atSeconds: number | null;
}

/** The compose form: what the controls show. */
export interface ComposeForm {
  modelId: string;
  mode: VideoMode;
  prompt: string;
  durationSeconds: number;
  aspectRatio: AspectRatio | null;
  quality: Quality | null;
  /** As typed; empty means a random seed. */
  seed: string;
  sound: boolean;
  images: ComposeImage[];
  copies: number;
  /** Shown as a notice and sent as the job's parent until the job is queued. */
  continues: ComposeContinues | null;
}

export const emptyForm: ComposeForm = {
  modelId: '',
  mode: 'text',
  prompt: '',
  durationSeconds: 5,
  aspectRatio: null,
  quality: null,
  seed: '',
  sound: false,
  images: [],
  copies: 1,
  continues: null,
};

let nextImageKey = 1;
export const newImageKey = (): string => `img${nextImageKey++}`;

/** How a person would name an image main already has. */
function storedName(input: ImageInput): string {
  if ('url' in input) return input.url;
  if ('clipId' in input) return i18n.t('compose:images.ofClip', { n: input.index + 1 });
  const format = input.mime.replace('image/', '').toUpperCase();
  return i18n.t('compose:images.storedImage', { format });
}

/** An image main already has (a queued job being edited, a clip remixed) or an https URL. */
export function storedImage(input: ImageInput, name: string = storedName(input)): ComposeImage {
  return {
    key: newImageKey(),
    source: 'url' in input ? 'url' : 'clipId' in input ? 'clip' : 'stored',
    name,
    input,
    previewUrl: null,
    width: null,
    height: null,
    original: null,
    keepShape: false,
  };
}
