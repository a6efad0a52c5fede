/** The choice between the owner's recovery key and a passphrase (backup encryption, restore). */
import { Group, Radio } from '@mantine/core';

/** What protects a backup file. */
export type SecretKind = 'recovery_key' | 'passphrase';

interface SecretKindRadioProps {
  label: string;
  value: SecretKind;
  onChange: (kind: SecretKind) => void;
  recoveryKeyLabel: string;
  passphraseLabel: string;
  /** Shown under the label (e.g. why the choice is not the caller's). */
  description?: string;
  disabled?: boolean;
}

/** Two radio buttons in a row under one label. */
export function SecretKindRadio(props: SecretKindRadioProps) {
  return (
    <Radio.Group
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={value => props.onChange(value === 'passphrase' ? 'passphrase' : 'recovery_key')}
    >
      <Group mt={6}>
        <Radio value="recovery_key" label={props.recoveryKeyLabel} disabled={props.disabled} />
        <Radio value="passphrase" label={props.passphraseLabel} disabled={props.disabled} />
      </Group>
    </Radio.Group>
  );
}
