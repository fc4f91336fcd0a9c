import type {
  CreateVideoRequest,
  CreateVideoResponse,
  TaskStatus,
  VideoCaps,
  VideoTask,
} from '../../../shared/api/schemas';

/**
 * Everything that can go wrong talking to api.airforce, as one union a UI can show.
 * `message` is always readable; `status` is the HTTP status when there was one.
 */
export type ApiError =
  | { kind: 'auth'; status: number; message: string }
  | { kind: 'invalid-request'; status: number; message: string; field?: string }
  | { kind: 'balance'; status: number; message: string }
  | { kind: 'rate-limited'; status: number; message: string; retryAfterMs?: number }
  | { kind: 'not-found'; status: number; message: string }
  | { kind: 'server'; status: number; message: string; retryAfterMs?: number }
  | {
      kind: 'network';
      message: string;
      /** true when the request may have reached the server */
      maybeSent: boolean;
    }
  | { kind: 'bad-response'; status?: number; message: string };

export type ApiErrorKind = ApiError['kind'];

/** Thrown by every client call; `error` is the union above. */
export class AirforceError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'AirforceError';
  }
}

/** A video model with its caps filled in (documented defaults where a field is missing). */
export interface VideoModel {
  id: string;
  caps: Required<VideoCaps>;
  /** The caps the server did not give (or gave unreadable), filled from the defaults. */
  defaulted?: readonly (keyof VideoCaps)[];
}

export interface ListTasksQuery {
  limit?: number;
  status?: TaskStatus;
}

export type StreamEnd =
  /** A payload with a terminal status arrived; the task is over. */
  | { kind: 'terminal'; task: VideoTask }
  /** The stream closed, errored or stalled without a terminal payload: poll instead. */
  | { kind: 'ended-early'; reason: string };

export interface StreamOptions {
  signal?: AbortSignal;
  /** Called for each parsed event payload, in order. */
  onEvent: (task: VideoTask, eventName: string) => void;
  /** Give up on a stream that sends nothing for this long (ms). */
  idleTimeoutMs?: number;
}

/** The typed api.airforce client used by the engine and the library. */
export interface AirforceApi {
  listModels(apiKey: string, signal?: AbortSignal): Promise<VideoModel[]>;
  /** Never blindly retried once the request may have reached the server. */
  createVideo(
    apiKey: string,
    request: CreateVideoRequest,
    signal?: AbortSignal,
  ): Promise<CreateVideoResponse>;
  getTask(apiKey: string, taskId: string, signal?: AbortSignal): Promise<VideoTask>;
  listTasks(apiKey: string, query?: ListTasksQuery, signal?: AbortSignal): Promise<VideoTask[]>;
  deleteTask(apiKey: string, taskId: string, signal?: AbortSignal): Promise<void>;
  streamTask(apiKey: string, taskId: string, options: StreamOptions): Promise<StreamEnd>;
}
