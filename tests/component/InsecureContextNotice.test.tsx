import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import {
  INSECURE_NOTICE_DISMISSED_KEY,
  InsecureContextNotice,
} from '../../src/app/InsecureContextNotice.tsx';

const HEADING = 'この接続ではオフラインで開けません（管理者の方へ）';

function setSecureContext(isSecure: boolean, hasServiceWorker: boolean) {
  vi.stubGlobal('isSecureContext', isSecure);
  if (hasServiceWorker) {
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
  } else {
    Reflect.deleteProperty(navigator, 'serviceWorker');
  }
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

/** The notice sits inside the app's router (its link opens 手引き). */
function renderNotice() {
  return render(
    <MemoryRouter>
      <InsecureContextNotice />
    </MemoryRouter>,
  );
}

describe('InsecureContextNotice', () => {
  it('explains the administrator options and that data belongs to this address', () => {
    setSecureContext(false, false);
    renderNotice();
    const notice = screen.getByRole('complementary', { name: HEADING });
    expect(notice).toHaveTextContent('OverrideSecurityRestrictionsOnInsecureOrigin');
    expect(notice).toHaveTextContent('dom.securecontext.allowlist');
    expect(notice).toHaveTextContent('HTTPS');
    expect(notice).toHaveTextContent(window.location.origin);
    expect(notice).toHaveTextContent('データ交換');
    // The steps are in the app's own 手引き, which opens offline and without the repository.
    expect(within(notice).getByRole('link', { name: /手引き「設置・更新手順」/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/help\/deployment/),
    );
  });

  it('stays closed once closed, also after a reload', async () => {
    setSecureContext(false, false);
    const user = userEvent.setup();
    const { unmount } = renderNotice();
    await user.click(screen.getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(localStorage.getItem(INSECURE_NOTICE_DISMISSED_KEY)).toBe('1');
    unmount();
    renderNotice();
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('still shows and closes when localStorage is refused', async () => {
    setSecureContext(false, false);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const user = userEvent.setup();
    renderNotice();
    await user.click(screen.getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('says nothing where a service worker is available', () => {
    setSecureContext(true, true);
    renderNotice();
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('names the browser, not HTTP, when a secure page still has no service worker', () => {
    setSecureContext(true, false);
    renderNotice();
    expect(
      screen.getByRole('complementary', {
        name: 'このブラウザーではオフラインで開けません（管理者の方へ）',
      }),
    ).toBeInTheDocument();
  });
});
