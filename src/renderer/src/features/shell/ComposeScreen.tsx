import { BatchButton } from '../batch';
import { Compose } from '../compose';
import { Queue } from '../queue';
import { useTranslation } from '../../i18n';
import { sideBySideQuery, useMediaQuery } from './useMediaQuery';

/**
 * The Compose section: on a wide window the live queue stands beside the form, so a job is
 * seen going from Generate to saved without leaving; narrower, Compose is alone.
 */
export function ComposeScreen() {
  const { t } = useTranslation('shell');
  const wide = useMediaQuery(sideBySideQuery);
  if (!wide) return <Compose more={<BatchButton />} />;
  return (
    <div className="studio">
      <div className="studio-pane studio-compose">
        <Compose more={<BatchButton />} />
      </div>
      <div className="studio-pane studio-queue">
        <h3 className="studio-heading">{t('liveQueue')}</h3>
        <Queue beside />
      </div>
    </div>
  );
}
