/**
 * How cards are picked up and moved: by mouse after a 6 px drag (a click still opens the card), or
 * by keyboard (dnd-kit KeyboardSensor: Space picks up, ←/→ jump a whole column, Space drops,
 * Escape cancels).
 */
import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type KeyboardCoordinateGetter,
  type SensorDescriptor,
  type SensorOptions,
} from '@dnd-kit/core';

/** Arrow keys jump the picked-up card to the next or previous column (not 25 px at a time). */
export const columnCoordinates: KeyboardCoordinateGetter = (
  event,
  { currentCoordinates, context },
) => {
  const dir = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (dir === 0) {
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const rect = context.collisionRect;
  if (!rect) return undefined;
  const columns = [...context.droppableRects.values()].sort((a, b) => a.left - b.left);
  const center = rect.left + rect.width / 2;
  let index = columns.findIndex(c => center >= c.left && center <= c.left + c.width);
  if (index < 0) index = 0;
  const target = columns[index + dir];
  if (!target) return currentCoordinates;
  return {
    x: currentCoordinates.x + (target.left + target.width / 2 - center),
    y: currentCoordinates.y,
  };
};

/** The board's sensors: pointer (after 6 px) and keyboard (Space, ←/→, Space; Escape). */
export function useBoardSensors(): SensorDescriptor<SensorOptions>[] {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );
}
