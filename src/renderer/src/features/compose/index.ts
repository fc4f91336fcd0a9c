/** The compose screen, and filling it from elsewhere (a remix, a job to try again). */
export { Compose } from './Compose';
export { useComposeStore, type Prefill } from './composeStore';
export { prefillFromRequest } from './prefill';
// What the batch builder shares with Compose: the form's values, the image checks, the rules' words.
export { toDraft } from './draftRules';
export { blobToBase64, checkImageFile, filesOf } from './imageFiles';
export { previewUrl, releasePreview } from './imageCanvas';
export { requestProblemText } from './requestProblems';
