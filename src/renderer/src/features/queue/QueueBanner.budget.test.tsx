import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

const overBudget = makeJob('b1', { status: 'held', holdReason: 'budget' }, { prompt: 'Over' });
const lowBalance = makeJob('k1', { status: 'held', holdReason: 'balance' }, { prompt: 'Poor' });

function setup() {
  const fake = createFakeBackend({
    'settings.get': () => ({
      settings: { ...defaultSettings, dailyBudgetCents: 300 },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    }),
    'jobs.list': () => ({ jobs: [overBudget, lowBalance], state: engineIdle }),
    'jobs.release': () => ({ ...engineIdle }),
    'ledger.totals': () => ({
      todayCents: 250,
      monthCents: 250,
      totalCents: 250,
      refundsCents: 0,
      todayRefundsCents: 0,
      demoCents: 0,
    }),
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

/** Issue 14: the banner offered a release that did nothing, and stayed after the budget went. */
describe('the daily budget banner (issue 14)', () => {
  it('says what each button does, and "Run anyway" releases only the jobs the budget holds', async () => {
    const { fake, user } = setup();
    const text = await screen.findByText(
      /1 job is held: with today's spending \(\$2\.50\) it would pass the daily budget of \$3\.00\. Run it anyway \(past today's budget\), or raise the budget in Settings\./,
    );
    const banner = text.closest('.banner') as HTMLElement;
    expect(
      within(banner).getByRole('button', { name: 'Raise the budget in Settings' }),
    ).toBeTruthy();
    await user.click(within(banner).getByRole('button', { name: 'Run anyway (1)' }));
    expect(fake.callsOf('jobs.release')).toEqual([{ ids: ['b1'] }]);
    const row = (await screen.findByText('Over')).closest('li') as HTMLElement;
    expect(within(row).getByRole('button', { name: 'Run anyway' })).toBeTruthy();
  });

  it('goes away once the jobs are no longer held', async () => {
    const { fake } = setup();
    await screen.findByRole('button', { name: 'Run anyway (1)' });
    fake.emit('jobs.changed', {
      upserted: [{ ...overBudget, status: 'queued', holdReason: null, updatedAt: 2_000 }],
      removed: [],
      order: null,
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Run anyway (1)' })).toBeNull(),
    );
    expect(screen.queryByText(/daily budget/)).toBeNull();
  });
});
