import { lazy, Suspense } from 'react';

const Prompt = lazy(() =>
  import('./SurveyPrompt').then(m => ({ default: m.SurveyPrompt })),
);

/**
 * The survey prompt, loaded only when the app renders it. Renders nothing
 * while it loads: a prompt must never show a spinner in someone's page.
 */
export function LazySurveyPrompt() {
  return (
    <Suspense fallback={null}>
      <Prompt />
    </Suspense>
  );
}
