import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from './Shell';

setupRendererTests();

const nav = () => screen.getByRole('navigation', { name: 'Main' });
const current = () =>
  within(nav())
    .getAllByRole('button')
    .filter((button) => button.getAttribute('aria-current') === 'page')
    .map((button) => button.textContent);
const heading = () => screen.getByRole('heading', { level: 2 }).textContent;

describe('the sidebar', () => {
  it('lists the sections in order, each with an icon and its name, and marks the one shown', async () => {
    connectBackend(createFakeBackend());
    render(<Shell />);
    const buttons = within(nav()).getAllByRole('button');
    expect(buttons.map((b) => b.textContent?.replace(/\d+$/, ''))).toEqual([
      'Compose',
      'Queue',
      'Library',
      'Settings',
    ]);
    for (const button of buttons) expect(button.querySelector('svg')).not.toBeNull();
    expect(current()).toEqual(['Compose']);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Library' }));
    expect(current()).toEqual(['Library']);
    expect(heading()).toBe('Library');
  });

  it('moves between sections with Ctrl+1…4 and ⌘+1…4', async () => {
    connectBackend(createFakeBackend());
    render(<Shell />);
    const user = userEvent.setup();
    await user.keyboard('{Control>}3{/Control}');
    expect(heading()).toBe('Library');
    expect(current()).toEqual(['Library']);
    await user.keyboard('{Meta>}4{/Meta}');
    expect(heading()).toBe('Settings');
    await user.keyboard('{Control>}2{/Control}');
    expect(heading()).toBe('Queue');
    // A layout whose number row types symbols still sends the digit's key code.
    fireEvent.keyDown(window, { key: '&', code: 'Digit1', ctrlKey: true });
    expect(heading()).toBe('Compose');
    // Not a section: nothing moves; with Shift or Alt it is some other shortcut.
    await user.keyboard('{Control>}5{/Control}');
    await user.keyboard('{Control>}{Shift>}3{/Shift}{/Control}');
    await user.keyboard('3');
    expect(heading()).toBe('Compose');
  });

  it('leaves Ctrl+digit to a text field being typed in', async () => {
    connectBackend(createFakeBackend());
    render(<Shell />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('textbox', { name: 'Prompt' }));
    await user.keyboard('{Control>}3{/Control}');
    expect(heading()).toBe('Compose');
    // Once the field is left, the shortcut works again.
    await user.click(screen.getByRole('heading', { level: 2 }));
    await user.keyboard('{Control>}3{/Control}');
    expect(heading()).toBe('Library');
  });

  it('shows the queue’s unfinished count in place and describes the Queue button with it', async () => {
    const fake = createFakeBackend();
    connectBackend(fake);
    render(<Shell />);
    const queue = screen.getByRole('button', { name: 'Queue' });
    await waitFor(() => expect(fake.callsOf('jobs.list')).toHaveLength(1));
    const badge = queue.querySelector<HTMLElement>('.count');
    expect(badge?.style.visibility).toBe('hidden');
    expect(queue.getAttribute('aria-describedby')).toBeNull();

    fake.emit('jobs.changed', {
      upserted: [
        makeJob('j1'),
        makeJob('j2', { status: 'running', taskId: 'vid_2' }),
        makeJob('j3', { status: 'saved', clipId: 'vid_3' }),
      ],
      removed: [],
      order: ['j1', 'j2', 'j3'],
    });
    await waitFor(() => expect(badge?.textContent).toBe('2'));
    expect(queue.querySelector('.count')).toBe(badge);
    expect(badge?.style.visibility).toBe('');
    // The name stays "Queue"; the count is its description.
    expect(screen.getByRole('button', { name: 'Queue', description: '2 unfinished' })).toBe(queue);
  });
});
