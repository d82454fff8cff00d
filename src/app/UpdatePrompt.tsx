import { useState } from 'react';
import { applyUpdate, useServiceWorkerState } from './serviceWorker.ts';
import './offline.css';

/**
 * 「新しい版があります」: the only way a new build reaches the page. It never reloads by itself;
 * the button writes pending drafts first and refuses to reload if that fails.
 */
export function UpdatePrompt() {
  const { isUpdateReady } = useServiceWorkerState();
  const [phase, setPhase] = useState<'idle' | 'updating' | 'failed' | 'later'>('idle');
  if (!isUpdateReady || phase === 'later') return null;
  const update = async () => {
    setPhase('updating');
    try {
      await applyUpdate();
    } catch {
      setPhase('failed');
    }
  };
  return (
    <div className="banner banner-info update-prompt" role="status">
      <strong>新しい版があります。</strong>
      {phase === 'failed'
        ? '入力中の内容を下書きとして保存できなかったため、更新を中止しました。入力中の画面で保存してから、もう一度お試しください。'
        : '入力中の内容は下書きとして保存してから切り替えます。'}
      <button type="button" onClick={() => void update()} disabled={phase === 'updating'}>
        {phase === 'updating' ? '更新しています…' : '更新する'}
      </button>
      {phase !== 'updating' && (
        <button type="button" onClick={() => setPhase('later')}>
          後で
        </button>
      )}
    </div>
  );
}
