/**
 * The preload (sandboxed, built as CommonJS to out/preload/index.cjs): exposes `window.zamok` (the
 * contract) and `window.zamokFiles` (document file dialogs, src-preload/document-files.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeZamok } from './bridge';
import { exposeDocumentFiles } from './document-files';

exposeZamok({ contextBridge, ipcRenderer });
exposeDocumentFiles({ contextBridge, ipcRenderer });
