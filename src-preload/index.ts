/**
 * The preload (sandboxed, built as CommonJS to out/preload/index.cjs): exposes `window.zamok`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeZamok } from './bridge';

exposeZamok({ contextBridge, ipcRenderer });
