// @vitest-environment jsdom
/**
 * The idle warning: 30 seconds before the lock a countdown shows; «Продовжити роботу» or any input cancels
 * it; without either the session locks once. Timers and Date are faked (no waiting).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OWNER } from '../app/test-support';
import { renderWithApi, setUpScreenTests } from '../test-support/render';
import { scriptedApi } from '../test-support/scripted-api';
import { IdleWarning } from './IdleWarning';
import { useIdleTimer } from './useIdleLock';

function Harness({ onIdle, onActivity }: { onIdle: () => void; onActivity: () => void }) {
  const countdown = useIdleTimer(1, onIdle, { warnSeconds: 30, onActivity });
  return <IdleWarning countdown={countdown} />;
}

const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1_000));

describe('the idle warning', () => {
  setUpScreenTests(OWNER);
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function mount() {
    const onIdle = vi.fn();
    const onActivity = vi.fn();
    renderWithApi(<Harness onIdle={onIdle} onActivity={onActivity} />, scriptedApi().api, 'uk');
    return { onIdle, onActivity };
  }

  it('counts down the last 30 seconds and locks once when nobody answers', async () => {
    const { onIdle } = mount();
    await seconds(29);
    expect(screen.queryByText(/Блокування через/)).toBeNull();
    await seconds(1);
    expect(
      screen.getByText('Ви нічого не робили кілька хвилин. Блокування через 30 с.'),
    ).toBeTruthy();
    expect(screen.getByText('Zamok скоро заблокується')).toBeTruthy();
    await seconds(20);
    expect(screen.getByTestId('idle-countdown').textContent).toContain('10 с');
    expect(onIdle).not.toHaveBeenCalled();
    await seconds(10);
    expect(onIdle).toHaveBeenCalledTimes(1);
    await seconds(120);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('«Продовжити роботу» cancels the lock and starts the full time again', async () => {
    const { onIdle } = mount();
    await seconds(45);
    fireEvent.click(screen.getByRole('button', { name: 'Продовжити роботу' }));
    await seconds(1);
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    await seconds(28);
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    await seconds(30);
    expect(onIdle).not.toHaveBeenCalled();
    expect(screen.getByTestId('idle-countdown')).toBeTruthy();
  });

  it('any input cancels the warning and is reported as activity', async () => {
    const { onIdle, onActivity } = mount();
    await seconds(40);
    expect(screen.getByTestId('idle-countdown')).toBeTruthy();
    await act(async () => {
      fireEvent.keyDown(window, { key: 'a' });
    });
    expect(onActivity).toHaveBeenCalled();
    await seconds(1);
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    await seconds(40);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
