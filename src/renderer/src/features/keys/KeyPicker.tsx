import { Select } from '../common/Select';
import { useTranslation } from '../../i18n';
import { useKeys, useKeysStore } from './keysStore';

/**
 * Which key the jobs go out with (issue 18): any key with a free slot, or one pinned.
 * Shown only with several keys; with one there is nothing to choose.
 */
export function KeyPicker() {
  const { t } = useTranslation('compose');
  const keys = useKeys();
  const pin = useKeysStore((s) => s.pin);
  const setPin = useKeysStore((s) => s.setPin);
  if (keys.length < 2) return null;
  return (
    <Select
      label={t('key')}
      className="field inline"
      value={pin ?? ''}
      options={[
        { value: '', label: t('anyKey') },
        ...keys.map((key) => ({ value: key.id, label: key.name })),
      ]}
      onChange={(id) => setPin(id === '' ? null : id)}
    />
  );
}

/** The key new jobs are pinned to, for a request (`keyId`); nothing when any key will do. */
export function pinnedKey(): { keyId?: string } {
  const { pin, keys } = useKeysStore.getState();
  return pin !== null && (keys ?? []).some((key) => key.id === pin) ? { keyId: pin } : {};
}
