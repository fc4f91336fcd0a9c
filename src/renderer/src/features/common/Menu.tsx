import type { ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from '../../i18n';
import './primitives.css';

/** A drawing, not a word: hidden from screen readers, the same in every language. */
const CARET = '▾';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** Drawn in the danger colour: deletes or discards something. */
  danger?: boolean;
  disabled?: boolean;
}

interface MenuProps {
  /** The trigger's accessible name, such as "More actions". */
  label: string;
  items: readonly MenuItem[];
  /**
   * What the trigger shows; "More ▾" (in the UI's language) unless given. Words, not an icon: focus comes back to the
   * trigger when the menu closes, and a tooltip there would take the dialog's next Escape.
   */
  children?: ReactNode;
  className?: string;
}

/**
 * Secondary actions behind one button, so a card keeps its primary action in view. Arrow keys
 * move, Enter picks, Escape closes and focus goes back to the trigger.
 */
export function Menu({ label, items, children, className }: MenuProps) {
  const { t } = useTranslation('common');
  return (
    // Not modal: a modal menu locks scrolling with an injected <style>, which the CSP refuses.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className={`menu-trigger ${className ?? ''}`} aria-label={label}>
          {children ?? (
            <>
              {t('more')} <span aria-hidden="true">{CARET}</span>
            </>
          )}
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8}>
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.label}
              className={`menu-item${item.danger ? ' danger' : ''}`}
              disabled={item.disabled}
              onSelect={item.onSelect}
            >
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
