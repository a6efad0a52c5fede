/**
 * Test-only support for the record tests: test vaults that close after each test, and what a call
 * that must fail rejects with. Never imported by the app.
 */
import { afterEach } from 'vitest';

/**
 * `create` (a test-vault factory) wrapped so every vault it opens is closed after the test. Call
 * it once at the top of a test file: `const office = closedAfterEach(createContactsTestVault);`.
 */
export function closedAfterEach<T extends { vault: { close(): void } }>(
  create: () => Promise<T>,
): () => Promise<T> {
  const opened: T['vault'][] = [];
  afterEach(() => {
    for (const vault of opened.splice(0)) vault.close();
  });
  return async () => {
    const t = await create();
    opened.push(t.vault);
    return t;
  };
}

/** What `promise` rejects with; the test fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** The `code` of what `promise` rejects with (a `RecordError`'s, a `CallFailure`'s, …). */
export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  return ((await rejection(promise)) as { code: string }).code;
}
