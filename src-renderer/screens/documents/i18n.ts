import type { Strings } from '../../i18n/types';

/** Interface text of the documents panel (Ukrainian first); merged into i18next under `documents`. */
export const uk = {
  title: 'Документи',
  attach: 'Додати файл',
  attachHint: 'PDF, зображення, документи Office/LibreOffice, TXT, CSV — до 200 МБ. Клавіша U',
  uploading: 'Шифруємо та зберігаємо «{{name}}»…',
  loading: 'Завантажуємо документи…',
  emptyTitle: 'Документів поки немає',
  emptyText: 'Додайте договір, скан або фото — файл буде зашифровано окремим ключем.',
  listLabel: 'Документи запису',
  added: '{{size}} · {{owner}} · {{date}}',
  atOffice:
    'Файл на сервері офісу: він завантажиться, коли ви його відкриєте (потрібне зʼєднання з офісом).',
  preview: 'Переглянути',
  saveCopy: 'Зберегти копію',
  delete: 'Видалити',
  close: 'Закрити',
  previewTitle: 'Перегляд: {{name}}',
  previewLoading: 'Розшифровуємо файл…',
  pdf: {
    previous: '‹ Попередня',
    previousLabel: 'Попередня сторінка',
    next: 'Наступна ›',
    nextLabel: 'Наступна сторінка',
    pages: '{{page}} / {{count}}',
    pagesLabel: 'Сторінка {{page}} з {{count}}',
    zoomOut: 'Зменшити',
    zoomIn: 'Збільшити',
    fitWidth: 'По ширині',
    keys: 'Клавіші: ← і → гортають сторінки, + і − змінюють масштаб, 0 — по ширині.',
    unreadable:
      'Цей PDF не вдалося показати: можливо, файл пошкоджено. Збережіть копію й відкрийте її в програмі для PDF.',
    password:
      'PDF захищено паролем, тому тут його не показати. Збережіть копію й відкрийте її в програмі для PDF.',
  },
  deleteTitle: 'Видалити документ?',
  deleteText:
    '«{{name}}» буде знищено: файл перезаписується випадковими даними, ключ стирається. Відновити його не можна (лише з резервної копії).',
  deleteConfirm: 'Знищити документ',
  cancel: 'Скасувати',
  saved: 'Копію «{{name}}» збережено.',
  notAvailable: 'Передавання файлів у цьому вікні недоступне.',
  sizes: { b: '{{n}} Б', kb: '{{n}} КБ', mb: '{{n}} МБ' },
  errors: {
    type_not_allowed:
      'Такий файл додати не можна. Підходять PDF, зображення (PNG, JPEG, WebP, GIF), DOC/DOCX, XLS/XLSX, ODT/ODS, TXT і CSV.',
    too_large: 'Файл більший за 200 МБ. Зменште його або розділіть на частини.',
    empty: 'Файл порожній. Виберіть інший.',
    size_mismatch: 'Файл змінився під час надсилання. Спробуйте ще раз.',
    tampered:
      'Збережений файл пошкоджено або змінено — відкрити його не можна. Відновіть з резервної копії.',
    truncated: 'Збережений файл обрізано — відкрити його не можна. Відновіть з резервної копії.',
    unsupported_format: 'Файл записано новішою версією Zamok. Оновіть програму.',
    ticket_unknown: 'Час передавання минув. Спробуйте ще раз.',
    record_not_found: 'Запис не знайдено або у вас немає до нього доступу.',
    not_found: 'Документ не знайдено або у вас немає до нього доступу.',
    transfer: 'Не вдалося передати файл. Перевірте, чи Zamok запущено, і спробуйте ще раз.',
    bad_name: 'Назва файлу не підходить. Перейменуйте файл і спробуйте ще раз.',
    at_office:
      'Файл на сервері офісу, а звʼязку з ним зараз немає. Підʼєднайтеся до офісу, щоб відкрити файл.',
    office_tampered:
      'Копію файлу на сервері офісу змінено, тому її не прийнято. Попросіть колегу, який додав файл, додати його ще раз.',
    office_truncated:
      'Копія файлу на сервері офісу неповна, тому її не прийнято. Попросіть колегу, який додав файл, додати його ще раз.',
    file_access:
      'Не вдалося прочитати або записати файл. Перевірте, чи він на місці, чи є доступ до теки й місце на диску.',
  },
} as const;

/** English interface text (same keys). */
export const en: Strings<typeof uk> = {
  title: 'Documents',
  attach: 'Attach a file',
  attachHint: 'PDF, images, Office/LibreOffice documents, TXT, CSV — up to 200 MB. Key U',
  uploading: 'Encrypting and saving “{{name}}”…',
  loading: 'Loading documents…',
  emptyTitle: 'No documents yet',
  emptyText: 'Attach a contract, a scan or a photo — each file is encrypted with its own key.',
  listLabel: 'Documents of this record',
  added: '{{size}} · {{owner}} · {{date}}',
  atOffice:
    'The file is at the office server: it is fetched when you open it (needs a connection to the office).',
  preview: 'Preview',
  saveCopy: 'Save a copy',
  delete: 'Delete',
  close: 'Close',
  previewTitle: 'Preview: {{name}}',
  previewLoading: 'Decrypting the file…',
  pdf: {
    previous: '‹ Previous',
    previousLabel: 'Previous page',
    next: 'Next ›',
    nextLabel: 'Next page',
    pages: '{{page}} / {{count}}',
    pagesLabel: 'Page {{page}} of {{count}}',
    zoomOut: 'Zoom out',
    zoomIn: 'Zoom in',
    fitWidth: 'Fit width',
    keys: 'Keys: ← and → turn pages, + and − zoom, 0 fits the width.',
    unreadable:
      'This PDF could not be shown; the file may be damaged. Save a copy and open it in a PDF program.',
    password:
      'This PDF is password-protected, so it cannot be shown here. Save a copy and open it in a PDF program.',
  },
  deleteTitle: 'Delete the document?',
  deleteText:
    '“{{name}}” will be destroyed: the file is overwritten with random data and its key erased. It cannot be restored (except from a backup).',
  deleteConfirm: 'Destroy the document',
  cancel: 'Cancel',
  saved: 'A copy of “{{name}}” was saved.',
  notAvailable: 'File transfer is not available in this window.',
  sizes: { b: '{{n}} B', kb: '{{n}} KB', mb: '{{n}} MB' },
  errors: {
    type_not_allowed:
      'This kind of file cannot be attached. Use PDF, images (PNG, JPEG, WebP, GIF), DOC/DOCX, XLS/XLSX, ODT/ODS, TXT or CSV.',
    too_large: 'The file is larger than 200 MB. Make it smaller or split it.',
    empty: 'The file is empty. Choose another one.',
    size_mismatch: 'The file changed while it was being sent. Try again.',
    tampered:
      'The stored file is damaged or was altered and cannot be opened. Restore it from a backup.',
    truncated: 'The stored file is cut short and cannot be opened. Restore it from a backup.',
    unsupported_format: 'The file was written by a newer Zamok. Update the app.',
    ticket_unknown: 'The transfer took too long. Try again.',
    record_not_found: 'The record was not found or you have no access to it.',
    not_found: 'The document was not found or you have no access to it.',
    transfer: 'The file could not be transferred. Check that Zamok is running and try again.',
    bad_name: 'The file name cannot be used. Rename the file and try again.',
    at_office:
      'The file is at the office server, which cannot be reached now. Connect to the office to open it.',
    office_tampered:
      'The copy at the office server was altered, so it was refused. Ask the colleague who added the file to add it again.',
    office_truncated:
      'The copy at the office server is incomplete, so it was refused. Ask the colleague who added the file to add it again.',
    file_access:
      'The file could not be read or written. Check that it is still there, that the folder is accessible and the disk has space.',
  },
};
