import { Compose } from '../compose';
import { Queue } from '../queue';
import { sideBySideQuery, useMediaQuery } from './useMediaQuery';

const text = { queue: 'Live queue' };

/**
 * The Compose section: on a wide window the live queue stands beside the form, so a job is
 * seen going from Generate to saved without leaving; narrower, Compose is alone.
 */
export function ComposeScreen() {
  const wide = useMediaQuery(sideBySideQuery);
  if (!wide) return <Compose />;
  return (
    <div className="studio">
      <div className="studio-pane studio-compose">
        <Compose />
      </div>
      <div className="studio-pane studio-queue">
        <h3 className="studio-heading">{text.queue}</h3>
        <Queue beside />
      </div>
    </div>
  );
}
