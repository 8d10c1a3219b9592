import { lazy, Suspense, type ComponentType } from 'react';
import { FullPageSpin } from './route-guards';

/**
 * A page loaded on first visit: each screen's code is its own chunk, so the public guide and the
 * sign-in page do not wait for every staff screen (issue 14: the 1 MB main script).
 * `lazyPage(() => import('./pages/x-page'), 'XPage')`.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType {
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  function LazyPage() {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <Lazy />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${String(name)})`;
  return LazyPage;
}
