import { lazy, Suspense } from 'react';

// The inspector (its reader, rules and messages) loads when /inspect is opened, not with the first page.
const InspectPage = lazy(() => import('./inspect-page.tsx'));

export function InspectRoute() {
  return (
    <Suspense fallback={null}>
      <InspectPage />
    </Suspense>
  );
}
