import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { useAppStore } from '../app';
import { Shell } from './Shell';

setupRendererTests();

/**
 * Issue 14, stumble 7: when the browser host stopped, the banner said "your jobs carry on
 * there" — untrue while the host is stopped.
 */
describe('the host stopped', () => {
  it('says jobs do not carry on in this tab but resume when the host starts again', async () => {
    connectBackend(createFakeBackend());
    render(<Shell />);
    useAppStore.setState({ disconnected: true });
    const banner = (await screen.findByText(/Lost the connection/)).closest('[role="alert"]')!;
    expect(banner.textContent).toContain(
      'Lost the connection to Airframe’s host: it stopped or restarted.',
    );
    expect(banner.textContent).toContain('Jobs do not carry on in this tab');
    expect(banner.textContent).toContain('resume when the host is started again');
    expect(banner.textContent).not.toMatch(/carry on there/);
  });
});
