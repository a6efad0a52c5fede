/** A segmented control with a visible label above it (Mantine's has none of its own). */
import { SegmentedControl, Stack, Text, type SegmentedControlProps } from '@mantine/core';

type LabelledSegmentsProps = SegmentedControlProps & {
  /** The label's element id; the control is `aria-labelledby` it. */
  id: string;
  label: string;
};

/** A small bold label and the control, the control named by the label. */
export function LabelledSegments({ id, label, ...control }: LabelledSegmentsProps) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} {...control} />
    </Stack>
  );
}
