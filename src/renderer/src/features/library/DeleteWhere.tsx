import { useTranslation } from '../../i18n';

interface DeleteWhereProps {
  /** The radio group's name: one per dialog. */
  name: string;
  remote: boolean;
  onChange: (remote: boolean) => void;
}

/** Where a delete reaches: this computer only (the default), or api.airforce as well. */
export function DeleteWhere({ name, remote, onChange }: DeleteWhereProps) {
  const { t } = useTranslation('library');
  return (
    <fieldset>
      <legend>{t('delete.from')}</legend>
      <label className="choice">
        <input type="radio" name={name} checked={!remote} onChange={() => onChange(false)} />
        <span>{t('delete.local')}</span>
      </label>
      <label className="choice">
        <input type="radio" name={name} checked={remote} onChange={() => onChange(true)} />
        <span>{t('delete.remote')}</span>
      </label>
    </fieldset>
  );
}
