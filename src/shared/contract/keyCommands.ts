import { z } from 'zod';
import {
  KeysAddRequest,
  KeysList,
  KeysRemoveRequest,
  KeysUpdateRequest,
  KeyView,
} from '../apiKeys';

/**
 * The API keys (issue 18). Write-only like `settings.setApiKey`: a key goes in, is checked
 * against /v1/models of the API base, and only its name and last four come back out.
 */
export const keyCommands = {
  'keys.list': { request: z.object({}).strict(), response: KeysList },
  'keys.add': { request: KeysAddRequest, response: KeyView },
  'keys.update': { request: KeysUpdateRequest, response: KeyView },
  // Refused (`conflict`) while a job on the server uses the key: its task is followed with it.
  'keys.remove': { request: KeysRemoveRequest, response: z.object({ removed: z.boolean() }) },
} as const;
