import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { IndexingProgress } from './IndexingProgress';

setupRendererTests();
afterEach(() => i18n.changeLanguage('en'));

describe('IndexingProgress', () => {
  it('shows how far a build of the index is, and goes away when it finished', () => {
    const backend = createFakeBackend();
    connectBackend(backend);
    render(<IndexingProgress />);
    expect(screen.queryByRole('progressbar')).toBeNull();

    backend.emit('library.indexing', { done: 42_000, total: 100_000, finished: false });
    const bar = screen.getByRole('progressbar', { name: 'Indexing the library' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['42000', '100000']);
    expect(screen.getByRole('status').textContent).toBe(
      'Indexing the library… 42,000 of 100,000 clips',
    );

    backend.emit('library.indexing', { done: 100_000, total: 100_000, finished: true });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/Indexing the library/)).toBeNull();
  });

  it('speaks Dutch', async () => {
    await i18n.changeLanguage('nl');
    const backend = createFakeBackend();
    connectBackend(backend);
    render(<IndexingProgress />);
    backend.emit('library.indexing', { done: 2_000, total: 2_500, finished: false });
    expect(
      screen.getByRole('progressbar', { name: 'De bibliotheek wordt geïndexeerd' }),
    ).toBeDefined();
    expect(screen.getByRole('status').textContent).toBe(
      'De bibliotheek wordt geïndexeerd… 2.000 van 2.500 clips',
    );
  });
});
