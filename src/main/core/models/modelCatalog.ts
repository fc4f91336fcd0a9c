import type { ModelInfo } from '../../../shared/rules';
import type { AirforceApi } from '../airforce/types';
import type { Clock } from '../ports';

/**
 * The video models the key can use, fetched from `/v1/models` and kept for a while: the
 * compose form and the cost estimate ask often, the list rarely changes.
 */
export class ModelCatalog {
  private models: ModelInfo[] = [];
  private fetchedAt = -Infinity;
  private inFlight: Promise<ModelInfo[]> | null = null;

  constructor(
    private readonly api: AirforceApi,
    private readonly apiKey: () => Promise<string | null>,
    private readonly clock: Clock,
    private readonly maxAgeMs = 10 * 60_000,
  ) {}

  async list(refresh = false): Promise<ModelInfo[]> {
    if (!refresh && this.clock.now() - this.fetchedAt < this.maxAgeMs) return this.models;
    this.inFlight ??= this.fetch().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** The model, from the cache when possible; undefined when unknown or unreachable. */
  async find(id: string): Promise<ModelInfo | undefined> {
    const cached = this.models.find((m) => m.id === id);
    if (cached) return cached;
    const models = await this.list().catch(() => this.models);
    return models.find((m) => m.id === id);
  }

  forget(): void {
    this.models = [];
    this.fetchedAt = -Infinity;
  }

  private async fetch(): Promise<ModelInfo[]> {
    const key = await this.apiKey();
    if (!key) return [];
    this.models = await this.api.listModels(key);
    this.fetchedAt = this.clock.now();
    return this.models;
  }
}
