import { useState } from 'react';
import { failureText } from '../common/errors';
import { ApiKeyField } from './ApiKeyField';
import { useSettingsStore } from './settingsStore';
import './settings.css';

/** No key and no demo: say what Airframe needs, and offer the demo to try it first. */
export function FirstRun({ onSkip }: { onSkip: () => void }) {
  const update = useSettingsStore((s) => s.update);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const startDemo = async () => {
    setBusy(true);
    try {
      await update({ demo: true });
    } catch (error) {
      setProblem(failureText('The demo could not start', error));
      setBusy(false);
    }
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Welcome to Airframe</h2>
      <p>
        Airframe queues video prompts for api.airforce, follows them while you work, and keeps every
        clip in a library on this computer.
      </p>
      <div className="first-run-options">
        <div className="card">
          <h3>Use your API key</h3>
          <ApiKeyField />
        </div>
        <div className="card">
          <h3>Try the demo</h3>
          <p>
            A built-in simulator of the API: no key, no charges. You can switch to your key later in
            Settings.
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void startDemo()}
          >
            {busy ? 'Starting the demo…' : 'Start the demo'}
          </button>
          {problem && (
            <p className="inline-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      </div>
      <button type="button" className="link" onClick={onSkip}>
        Look around first
      </button>
    </section>
  );
}
