import { useEffect, useState } from 'react';
import type { Notice } from '../../../../shared/notices';
import { api } from '../../api/client';
import { useTranslation } from '../../i18n';

const tone: Record<Notice['level'], string> = { info: 'info', warning: 'warn', error: 'error' };

/**
 * What happened to the user's data while the app opened it (`app.notices`): a damaged file
 * restored from its backup, rows set aside. Each stays until dismissed (for this session).
 */
export function Notices() {
  const { t } = useTranslation('app');
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    let live = true;
    api()
      .invoke('app.notices', {})
      .then(({ notices }) => live && setNotices(notices))
      // An engine that cannot answer says so elsewhere (the footer); nothing to add here.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('noticesLabel')}>
      {notices.map((notice, index) => (
        <div
          key={`${notice.at}-${index}`}
          className={`banner ${tone[notice.level]}`}
          role={notice.level === 'info' ? 'status' : 'alert'}
        >
          <span>{notice.message}</span>
          <button
            type="button"
            onClick={() => setNotices((all) => all.filter((n) => n !== notice))}
          >
            {t('dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
