import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setupRendererTests } from '../../testSupport/fakeBackend';
import {
  card,
  renderLibrary,
  selectedCount,
  testClip,
  giveGridASize,
} from '../../testSupport/libraryBackend';
import { useLibraryStore } from './libraryStore';

setupRendererTests();
giveGridASize();

const clips = (count: number) => Array.from({ length: count }, (_, i) => testClip(i + 1));
type LibraryState = ReturnType<typeof useLibraryStore.getState>;
const bar = () => screen.getByRole('group', { name: 'Selected clips' });

/** Ctrl+clicks the cards numbered `ns`. */
async function select(user: ReturnType<typeof renderLibrary>['user'], ...ns: number[]) {
  await screen.findByRole('button', { name: /^Clip number 1(?!\d)/ });
  await user.keyboard('{Control>}');
  for (const n of ns) await user.click(card(`Clip number ${n}`));
  await user.keyboard('{/Control}');
}

describe('bulk actions on the selection', () => {
  it('favourites each clip in turn, shows the progress, then offers to remove the favourite', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const {
      user,
      fake,
      clips: now,
    } = renderLibrary(clips(4), {
      'library.favourite': async ({ clipId, favourite }) => {
        if (clipId === 'vid_2') await held;
        return { ...testClip(Number(clipId.slice(4))), favourite };
      },
    });
    await select(user, 1, 2, 3);
    await user.click(within(bar()).getByRole('button', { name: '★ Favourite' }));
    expect(await within(bar()).findByText('Favourite: 1 of 3…')).toBeTruthy();
    expect(within(bar()).getByRole('button', { name: '★ Favourite' })).toHaveProperty(
      'disabled',
      true,
    );
    release();
    expect(await within(bar()).findByText('Favourite: done for 3 clips.')).toBeTruthy();
    expect(fake.callsOf('library.favourite')).toEqual([
      { clipId: 'vid_1', favourite: true },
      { clipId: 'vid_2', favourite: true },
      { clipId: 'vid_3', favourite: true },
    ]);
    expect(now()).toHaveLength(4);
    expect(within(card('Clip number 2')).getByRole('img', { name: 'Favourite' })).toBeTruthy();
    await user.click(within(bar()).getByRole('button', { name: '☆ Remove favourite' }));
    await waitFor(() => expect(fake.callsOf('library.favourite')).toHaveLength(6));
    expect(fake.callsOf('library.favourite').at(-1)).toEqual({ clipId: 'vid_3', favourite: false });
  });

  it('adds a tag to every selected clip, keeping their tags', async () => {
    const { user, fake } = renderLibrary([
      testClip(1, { tags: ['sea'] }),
      testClip(2, { tags: ['winter'] }),
      testClip(3),
      testClip(4),
    ]);
    await select(user, 1, 2, 3);
    await user.click(within(bar()).getByRole('button', { name: 'Tag…' }));
    await user.type(within(bar()).getByLabelText('Tag to add'), 'winter');
    await user.click(within(bar()).getByRole('button', { name: 'Add to all' }));
    expect(await within(bar()).findByText('Tag “winter”: done for 3 clips.')).toBeTruthy();
    // vid_2 had it already: left alone.
    expect(fake.callsOf('library.tag')).toEqual([
      { clipId: 'vid_1', tags: ['sea', 'winter'] },
      { clipId: 'vid_3', tags: ['winter'] },
    ]);
  });

  it('says which clips failed and why, and goes on with the others', async () => {
    const { user, fake } = renderLibrary(clips(3), {
      'library.tag': ({ clipId, tags }) => {
        if (clipId === 'vid_2') throw new Error('The sidecar could not be written');
        return { ...testClip(Number(clipId.slice(4))), tags };
      },
    });
    await select(user, 1, 2, 3);
    await user.click(within(bar()).getByRole('button', { name: 'Tag…' }));
    await user.type(within(bar()).getByLabelText('Tag to add'), 'dusk{Enter}');
    const alert = await within(bar()).findByRole('alert');
    expect(alert.textContent).toMatch(/^Tag “dusk”: 1 of 3 failed\. Clip number 2: .+/);
    expect(fake.callsOf('library.tag')).toHaveLength(3);
  });

  it('deletes after asking, where the user chose, then shows the library without them', async () => {
    const { user, fake } = renderLibrary(clips(5));
    await select(user, 2, 4);
    await user.click(within(bar()).getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 clips?' });
    expect(within(dialog).getByText(/This cannot be undone/)).toBeTruthy();
    // Keeping them is where focus lands.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('radio', { name: 'This computer and api.airforce' }));
    expect(within(dialog).getByText(/nothing is refunded/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete here and on the server' }));
    expect(await screen.findByText('Delete: done for 2 clips.')).toBeTruthy();
    expect(fake.callsOf('library.delete')).toEqual([
      { clipId: 'vid_2', remote: true },
      { clipId: 'vid_4', remote: true },
    ]);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    expect(selectedCount()).toBe(0);
  });

  it('cancelling the delete deletes nothing', async () => {
    const { user, fake } = renderLibrary(clips(3));
    await select(user, 1);
    await user.click(within(bar()).getByRole('button', { name: 'Delete…' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsOf('library.delete')).toEqual([]);
    expect(selectedCount()).toBe(1);
  });

  it('exports the selection once the library offers it (library.export); until then Export is disabled', async () => {
    const { user } = renderLibrary(clips(6));
    await select(user, 1, 3);
    const exportButton = within(bar()).getByRole('button', { name: 'Export' });
    if (!('exportClips' in useLibraryStore.getState())) {
      expect(exportButton.getAttribute('aria-disabled')).toBe('true');
      await user.click(exportButton);
    }
    const exportClips = vi.fn(() => Promise.resolve());
    act(() => useLibraryStore.setState({ exportClips } as Partial<LibraryState>));
    await user.click(within(bar()).getByRole('button', { name: 'Export' }));
    expect(exportClips).toHaveBeenCalledWith(['vid_1', 'vid_3']);
  });

  it('compares two to four clips', async () => {
    const { user } = renderLibrary(clips(6));
    await select(user, 1);
    const compare = within(bar()).getByRole('button', { name: 'Compare' });
    expect(compare.getAttribute('aria-disabled')).toBe('true');
    await user.click(compare);
    expect(useLibraryStore.getState().compare).toBeNull();
    await select(user, 3, 5);
    await user.click(within(bar()).getByRole('button', { name: 'Compare' }));
    expect(useLibraryStore.getState().compare).toEqual(['vid_1', 'vid_3', 'vid_5']);
  });
});
