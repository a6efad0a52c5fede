/**
 * The bridge reaches components through context: main.tsx provides `getApi()`, tests provide a fake
 * with canned results. Components never import the bridge module themselves.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ZamokApi } from '../../src-shared/ipc';

const ApiContext = createContext<ZamokApi | null>(null);

/** Makes `api` available to `useApi()` below it. */
export function ApiProvider({ api, children }: { api: ZamokApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed bridge to the main process. */
export function useApi(): ZamokApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}
