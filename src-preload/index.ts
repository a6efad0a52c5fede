/**
 * The preload (sandboxed, built as CommonJS to out/preload/index.cjs): exposes `window.zamok` (the
 * contract), `window.zamokFiles` (document file dialogs, src-preload/document-files.ts) and
 * `window.zamokImportFiles` (the import wizard's file dialog, src-preload/import-files.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeZamok } from './bridge';
import { exposeDocumentFiles } from './document-files';
import { exposeImportFiles } from './import-files';

exposeZamok({ contextBridge, ipcRenderer });
exposeDocumentFiles({ contextBridge, ipcRenderer });
exposeImportFiles({ contextBridge, ipcRenderer });
