/** SHA-256 (hex) of the DER of each development placeholder key. */
export declare const PLACEHOLDER_KEY_FINGERPRINTS: readonly string[];
/** The file holding the built-in key, relative to the repository. */
export declare const PUBLIC_KEY_FILE: string;
/** SHA-256 (hex) of a PEM public key's DER (SPKI). */
export declare function keyFingerprint(pem: string): string;
/** Why the key in `source` (public-key.ts) cannot go into a release, or null when it can. */
export declare function releaseKeyProblem(source: string): string | null;
/** The problem with the repository's built-in key, or null. */
export declare function repositoryKeyProblem(repo: string): string | null;
