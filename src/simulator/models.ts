import type { AspectRatio, Quality, VideoMode } from '../shared/api/schemas';

/** What the simulator enforces for a video model; always complete, unlike what it publishes. */
export interface SimCaps {
  modes: readonly VideoMode[];
  minDuration: number;
  maxDuration: number;
  aspectRatios: readonly AspectRatio[];
  qualities: readonly Quality[];
  pricePerSecondCents: number;
}

interface SimModel {
  id: string;
  ownedBy: string;
  outputModalities?: readonly string[];
  caps?: SimCaps;
  /** Caps left out of `/v1/models`, to exercise clients that fill in defaults. */
  unpublished?: readonly ('aspect_ratios' | 'qualities')[];
}

const allRatios: readonly AspectRatio[] = ['16:9', '9:16', '1:1', '4:3'];
const allQualities: readonly Quality[] = ['480p', '720p', '1080p'];

const catalogue: readonly SimModel[] = [
  {
    id: 'wan-2.6',
    ownedBy: 'alibaba',
    outputModalities: ['video'],
    caps: {
      modes: ['text', 'image', 'reference'],
      minDuration: 5,
      maxDuration: 10,
      aspectRatios: allRatios,
      qualities: allQualities,
      pricePerSecondCents: 40,
    },
  },
  {
    id: 'kling-1',
    ownedBy: 'kuaishou',
    outputModalities: ['video'],
    caps: {
      modes: ['text', 'image'],
      minDuration: 5,
      maxDuration: 10,
      aspectRatios: ['16:9', '9:16', '1:1'],
      qualities: ['720p', '1080p'],
      pricePerSecondCents: 56,
    },
  },
  {
    id: 'veo-lite',
    ownedBy: 'google',
    outputModalities: ['video'],
    caps: {
      modes: ['text'],
      minDuration: 4,
      maxDuration: 8,
      aspectRatios: ['16:9'],
      qualities: ['720p'],
      pricePerSecondCents: 20,
    },
  },
  {
    // Publishes neither ratios nor qualities: a client that assumes "all of them" is right here.
    id: 'seedance-pro',
    ownedBy: 'bytedance',
    outputModalities: ['video'],
    caps: {
      modes: ['reference', 'text'],
      minDuration: 5,
      maxDuration: 8,
      aspectRatios: allRatios,
      qualities: allQualities,
      pricePerSecondCents: 32,
    },
    unpublished: ['aspect_ratios', 'qualities'],
  },
  { id: 'gpt-4o-mini', ownedBy: 'openai', outputModalities: ['text'] },
  { id: 'flux-schnell', ownedBy: 'black-forest-labs', outputModalities: ['image'] },
  { id: 'text-embedding-3-small', ownedBy: 'openai' },
];

export type VideoModelLookup =
  | { kind: 'video'; id: string; caps: SimCaps }
  | { kind: 'not-video'; id: string }
  | { kind: 'unknown' };

export function findModel(id: string): VideoModelLookup {
  const model = catalogue.find((m) => m.id === id);
  if (!model) return { kind: 'unknown' };
  return model.caps
    ? { kind: 'video', id: model.id, caps: model.caps }
    : { kind: 'not-video', id: model.id };
}

/** `GET /v1/models`, OpenAI-style. `created` is fixed: these models predate any simulator run. */
export function modelsResponse(): object {
  return {
    object: 'list',
    data: catalogue.map((model) => ({
      id: model.id,
      object: 'model',
      created: 1_735_689_600,
      owned_by: model.ownedBy,
      ...(model.outputModalities ? { output_modalities: model.outputModalities } : {}),
      ...(model.caps ? { video_caps: publishedCaps(model.caps, model.unpublished ?? []) } : {}),
    })),
  };
}

function publishedCaps(caps: SimCaps, unpublished: readonly string[]): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    modes: caps.modes,
    min_duration_s: caps.minDuration,
    max_duration_s: caps.maxDuration,
    aspect_ratios: caps.aspectRatios,
    qualities: caps.qualities,
    price_per_second_cents: caps.pricePerSecondCents,
  };
  for (const field of unpublished) delete wire[field];
  return wire;
}
