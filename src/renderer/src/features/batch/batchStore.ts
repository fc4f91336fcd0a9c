import { create } from 'zustand';
import type { PairingMode } from '../../../../shared/batch';
import { DEFAULT_JOB_LIMIT, DEFAULT_ROW_LIMIT } from '../../../../shared/batch';
import { readBatchImages, releaseBatchImages, type BatchImage } from './batchImages';

/** What the batch builder holds while it is open (and after: reopening keeps the work). */
export interface BatchForm {
  name: string;
  text: string;
  /** The loaded list's file name: its extension says CSV, TSV or text. */
  fileName: string | null;
  rowLimit: number;
  jobLimit: number;
  images: BatchImage[];
  /** Why the files last dropped or picked were not all taken. */
  refused: string[];
  pairing: PairingMode;
  skipDuplicates: boolean;
  variations: number;
  stopOnFailure: boolean;
  /** Prompts edited in the preview, by job key. */
  edits: Readonly<Record<string, string>>;
  /** Jobs removed from the preview, by key. */
  removed: Readonly<Record<string, true>>;
  /** Seeds drawn for variations without a seed come from this, so the preview holds still. */
  seedBase: number;
}

interface BatchStore extends BatchForm {
  open: boolean;
  setOpen: (open: boolean) => void;
  patch: (patch: Partial<BatchForm>) => void;
  addImages: (files: readonly File[]) => Promise<void>;
  clearImages: () => void;
  editPrompt: (key: string, prompt: string) => void;
  removeJob: (key: string) => void;
  /** After queueing: an empty form for the next batch. */
  reset: () => void;
}

const emptyForm = (): BatchForm => ({
  name: '',
  text: '',
  fileName: null,
  rowLimit: DEFAULT_ROW_LIMIT,
  jobLimit: DEFAULT_JOB_LIMIT,
  images: [],
  refused: [],
  pairing: 'none',
  skipDuplicates: true,
  variations: 1,
  stopOnFailure: false,
  edits: {},
  removed: {},
  seedBase: Math.floor(Math.random() * 2 ** 31),
});

export const useBatchStore = create<BatchStore>((set, get) => ({
  ...emptyForm(),
  open: false,
  setOpen: (open) => set({ open }),
  patch: (patch) => set(patch),
  async addImages(files) {
    const { images, refused } = await readBatchImages(files);
    const before = get().images;
    set({
      images: [...before, ...images],
      refused,
      // Images added to a list of prompts alone: pair them, one job per image, first.
      pairing: get().pairing === 'none' && images.length > 0 ? 'shared' : get().pairing,
    });
  },
  clearImages() {
    releaseBatchImages(get().images);
    set({ images: [], refused: [], pairing: 'none' });
  },
  editPrompt: (key, prompt) => set((s) => ({ edits: { ...s.edits, [key]: prompt } })),
  removeJob: (key) => set((s) => ({ removed: { ...s.removed, [key]: true } })),
  reset() {
    releaseBatchImages(get().images);
    set({ ...emptyForm() });
  },
}));

export function resetBatchStoreForTests(): void {
  useBatchStore.setState({ ...emptyForm(), seedBase: 1, open: false });
}
