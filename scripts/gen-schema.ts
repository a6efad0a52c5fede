/** `npm run gen:schema`: regenerates src-main/vault/schema.ts from the bundled migrations. */
import { SCHEMA_FILE, writeSchema } from '../src-main/vault/schema-gen';

writeSchema();
console.log(`wrote ${SCHEMA_FILE}`);
