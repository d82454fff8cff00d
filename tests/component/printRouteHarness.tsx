import { StrictMode, type ReactElement } from 'react';
import { expect, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';

// What a component test of a print route needs: window.print() replaced by a mock, the route
// rendered under StrictMode (as in main.tsx: effects run twice in development, and print must
// not), and the check that a page whose record is gone prints nothing.

/** Replaces window.print() with a mock; undo with vi.unstubAllGlobals(). */
export function stubWindowPrint(): ReturnType<typeof vi.fn> {
  const print = vi.fn();
  vi.stubGlobal('print', print);
  return print;
}

/** Renders `path` among `routes` (route pattern → element). */
export function renderPrintRoute(path: string, routes: Record<string, ReactElement>) {
  return render(
    <StrictMode>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          {Object.entries(routes).map(([pattern, element]) => (
            <Route key={pattern} path={pattern} element={element} />
          ))}
        </Routes>
      </MemoryRouter>
    </StrictMode>,
  );
}

/** The page says `message` and, a while later, still has not printed; 印刷 is disabled. */
export async function expectNothingPrinted(
  print: ReturnType<typeof vi.fn>,
  message: RegExp,
): Promise<void> {
  await screen.findByText(message);
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(print).not.toHaveBeenCalled();
  expect(screen.getByRole('button', { name: '印刷' })).toBeDisabled();
}
