/**
 * The public half of the Zamok release key (Ed25519, SPKI PEM). Update manifests must carry a valid
 * signature by the matching private key (scripts/sign-update.mjs), which never enters this
 * repository.
 *
 * PLACEHOLDER: this key was generated during development and its private half was discarded, so
 * no manifest verifies against it and updates fail closed. Before the first release the release
 * owner runs `node scripts/sign-update.mjs --generate-key <file>`, keeps that file offline and
 * pastes the printed public key here. Rotating later: ship the new public key in a release whose
 * manifest is still signed with the old key.
 */
export const UPDATE_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAfwoDAH/khkO5Ugfk6mly1RKuGzJ3Vy1jN1pS3fby2MM=
-----END PUBLIC KEY-----
`;
