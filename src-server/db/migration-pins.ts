/**
 * SHA-256 (hex, of the text with CRLF as LF) of every shipped office server migration. A shipped
 * migration is never edited: add a new numbered file instead. migrate.test.ts demands a pin for
 * each bundled file, and the runner refuses a file that does not match its pin.
 */
export const SERVER_MIGRATION_SHA256: Readonly<Record<string, string>> = {
  '0001_office_schema': 'f7c65a8802565fabc5aca5566d04dd9658d4778b9d5e07db33e96f87df8f1113',
  '0002_office16b_join_requests':
    '9bbe7979da2458ea37a678bea4b49b7eaefb37924c4b135bfceda725a626dcca',
  '0004_docs16_document_chunks': '457a807b44666111f6231727a37a8550ed4b5590d6ebd11722efadfa87ad6597',
  '0005_devices16_head_joins': '400cd59166b5f0e7d5aef00bb9621399cfd6308c3976732d90d4d1ecc77bd8f8',
  '0007_serverhyg_erased_changes':
    '2a9627e4b6c6d8d985b85fbab31cae47c4672eb02185ac46901919d9829cb6f2',
};
