/**
 * Creates whose answer has not arrived yet, by job and model. While one is unanswered, its
 * task may already be in the server's list looking like anyone's: no lost create of the
 * same model may adopt a task until it is answered.
 */
export class CreateTracker {
  private readonly models = new Map<string, string>();

  begin(jobId: string, model: string): void {
    this.models.set(jobId, model);
  }

  end(jobId: string): void {
    this.models.delete(jobId);
  }

  has(jobId: string): boolean {
    return this.models.has(jobId);
  }

  /** Is a create of this model, other than `exceptJobId`'s, still unanswered? */
  pending(model: string, exceptJobId?: string): boolean {
    for (const [jobId, m] of this.models) if (m === model && jobId !== exceptJobId) return true;
    return false;
  }
}
