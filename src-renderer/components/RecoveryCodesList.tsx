/** One-time recovery codes as a numbered monospace list (two columns; printed as is). */
import { Box } from '@mantine/core';

/** `labelledBy`: id of the visible heading that names the list. */
export function RecoveryCodesList({ codes, labelledBy }: { codes: string[]; labelledBy: string }) {
  return (
    <Box
      component="ol"
      aria-labelledby={labelledBy}
      data-testid="recovery-codes"
      className="zamok-codes"
    >
      {codes.map(code => (
        <li key={code}>{code}</li>
      ))}
    </Box>
  );
}
