import type { CreateVideoRequest, InputImage } from '../../../shared/api/schemas';
import type { ImageRef, JobRequest } from '../../../shared/jobs';
import type { BlobStore } from '../ports';

/** The app's request in the API's words, with stored images read back as base64. */
export async function toApiRequest(
  request: JobRequest,
  blobs: BlobStore,
): Promise<CreateVideoRequest> {
  const images: InputImage[] = await Promise.all(
    request.inputImages.map(async (image: ImageRef): Promise<InputImage> =>
      'url' in image
        ? { url: image.url }
        : { b64_json: Buffer.from(await blobs.get(image.blobId)).toString('base64') },
    ),
  );
  return {
    model: request.model,
    prompt: request.prompt,
    mode: request.mode,
    duration_seconds: request.durationSeconds,
    ...(request.aspectRatio ? { aspect_ratio: request.aspectRatio } : {}),
    ...(request.quality ? { quality: request.quality } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.sound !== undefined ? { sound: request.sound } : {}),
    ...(images.length > 0 ? { input_images: images } : {}),
  };
}
