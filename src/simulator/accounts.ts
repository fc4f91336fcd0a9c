/** API keys and their balances, in cents. */
export class Accounts {
  private readonly balances = new Map<string, number>();

  set(key: string, balanceCents: number): void {
    if (!key) throw new Error('An API key cannot be empty');
    if (!Number.isFinite(balanceCents)) throw new RangeError(`Invalid balance ${balanceCents}`);
    this.balances.set(key, balanceCents);
  }

  has(key: string): boolean {
    return this.balances.has(key);
  }

  balanceOf(key: string): number {
    const balance = this.balances.get(key);
    if (balance === undefined) throw new Error(`Unknown API key ${key}`);
    return balance;
  }

  add(key: string, cents: number): void {
    this.balances.set(key, this.balanceOf(key) + cents);
  }

  all(): Record<string, number> {
    return Object.fromEntries(this.balances);
  }
}
