/**
 * The media URL path of a job's stored input image, relative to the host's media base
 * (`app.info`'s `mediaBase`): `/job/<jobId>/input-<n>`, n from 0. Three segments, so it never
 * meets a clip's `/<clipId>/<kind>`. Main serves it while the job exists and the image is a
 * file it keeps (not an https link), for the queue's thumbnail of a job not yet saved.
 */
export const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export const jobInputPath = (jobId: string, index: number): string =>
  `/job/${encodeURIComponent(jobId)}/input-${index}`;
