import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Transport } from '../../../../shared/contract/client';
import { createDispatcher } from '../../../../shared/contract/dispatcher';
import { defaultSettings } from '../../../../shared/settings';
import { Shell } from './Shell';

describe('Shell', () => {
  it('shows the navigation and what app.info answers', async () => {
    const dispatch = createDispatcher({
      'app.info': async () => ({ name: 'Airframe', version: '3.1.4', demo: true, host: 'electron' }),
      'settings.get': async () => ({ settings: defaultSettings, hasApiKey: false }),
      'settings.update': async () => ({ settings: defaultSettings, hasApiKey: false }),
    });
    const transport: Transport = { invoke: dispatch, on: () => () => {} };
    window.api = transport;
    render(<Shell />);
    for (const name of ['Compose', 'Queue', 'Library', 'Settings']) {
      expect(screen.getByRole('button', { name })).toBeDefined();
    }
    expect((await screen.findByLabelText('App version')).textContent).toBe('Airframe 3.1.4 · demo mode · electron');
  });
});
