import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from './Shell';

setupRendererTests();

describe('Shell', () => {
  it('shows the navigation and what app.info answers', async () => {
    connectBackend(
      createFakeBackend({
        'app.info': () => ({
          name: 'Airframe',
          version: '3.1.4',
          demo: true,
          host: 'electron',
          mediaBase: 'clip://media',
        }),
      }),
    );
    render(<Shell />);
    for (const name of ['Compose', 'Queue', 'Library', 'Settings']) {
      expect(screen.getByRole('button', { name })).toBeDefined();
    }
    expect((await screen.findByLabelText('App version')).textContent).toBe(
      'Airframe 3.1.4 · demo mode · electron',
    );
  });
});
