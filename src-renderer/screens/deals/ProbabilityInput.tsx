/** A deal's or a stage's win probability: a whole percent from 0 to 100, typed (no spin buttons). */
import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `value` '' = none typed (the stage's own probability applies). */
export function ProbabilityInput({
  value,
  onChange,
  ...rest
}: Omit<NumberInputProps, 'value' | 'onChange'> & {
  value: number | '';
  onChange: (value: number | '') => void;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('deals.field.probability')}
      value={value}
      onChange={v => onChange(typeof v === 'number' ? v : '')}
      min={0}
      max={100}
      allowDecimal={false}
      hideControls
      {...rest}
    />
  );
}
