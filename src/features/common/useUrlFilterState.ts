import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlFilterState<F> {
  /** What the controls show: changed at once by every key press, never put back. */
  filter: F;
  /** The filter the list shows: `filter` once React has had time to render it. */
  shown: F;
  update: (patch: Partial<F>) => void;
  clear: () => void;
}

/**
 * A screen's filter, owned by the screen, with the URL following it. The controls must not take
 * their value from the URL: react-router applies URL changes as a transition, so while a long
 * re-render was pending the old value was put back into the box and the next key landed on it
 * (issue 9: 「E-1234」 typed at 50,000 incidents became 「E-24」). So the state is local; the URL
 * is replaced (not pushed) once the list has rendered the filter, and a URL change that did not
 * come from here (Back, a link, a bookmark, the menu) is adopted.
 */
export function useUrlFilterState<F>(
  fromParams: (params: URLSearchParams) => F,
  toParams: (filter: F) => URLSearchParams,
  empty: F,
): UrlFilterState<F> {
  const [params, setParams] = useSearchParams();
  const urlKey = params.toString();
  const [filter, setFilter] = useState(() => fromParams(params));
  const shown = useDeferredValue(filter);
  // The query the URL should hold (last written or adopted), and the ones written since the URL
  // last caught up: a URL among those is ours arriving late, not someone else's.
  const latest = useRef(urlKey);
  const inFlight = useRef(new Set<string>());
  // setParams is a new function after every URL change; were it a dependency below, a URL from a
  // link would re-run the write with the filter still shown and put the old filter back.
  const setParamsRef = useRef(setParams);
  useEffect(() => {
    setParamsRef.current = setParams;
  }, [setParams]);

  useEffect(() => {
    if (urlKey === latest.current) {
      inFlight.current.clear();
      return;
    }
    if (inFlight.current.has(urlKey)) return;
    latest.current = urlKey;
    inFlight.current.clear();
    // Someone else's URL (Back, a link, the menu): it replaces what the controls show.
    setFilter(fromParams(new URLSearchParams(urlKey)));
  }, [urlKey, fromParams]);

  useEffect(() => {
    const key = toParams(shown).toString();
    if (key === latest.current) return;
    latest.current = key;
    inFlight.current.add(key);
    setParamsRef.current(new URLSearchParams(key), { replace: true });
  }, [shown, toParams]);

  const update = useCallback(
    (patch: Partial<F>) => setFilter((current) => ({ ...current, ...patch })),
    [],
  );
  const clear = useCallback(() => setFilter(empty), [empty]);
  return { filter, shown, update, clear };
}
