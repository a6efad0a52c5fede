/**
 * Vitest setup for every test file: in the renderer's jsdom tests, testing-library's `findBy…` and
 * `waitFor` poll for up to 5 s instead of 1 s. They still return as soon as the screen shows what
 * they wait for; only a screen that never shows it costs the full wait. The app's first render
 * (lazy screens, i18n, the status call) can pass 1 s on a busy two-core CI machine, which made
 * tests such as App.test.tsx's fail at random. Node-environment tests skip this.
 */
if (typeof window !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}

export {};
