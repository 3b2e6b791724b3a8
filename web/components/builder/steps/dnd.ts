import { closestCenter, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

/**
 * Steps and their fields share one DndContext, and a step's fields and drop zone sit inside its card.
 * Left unfiltered, a dragged step lands "over" a field or drop zone (often its own), and the move is
 * lost: by keyboard, every arrow press took it to one of them. So a step only ever meets steps, and a
 * field or palette item only fields and drop zones.
 */
const accepts = (active: string, target: string) => (active.startsWith('step:') ? target.startsWith('step:') : !target.startsWith('step:'));

/**
 * A step lands on the step whose top or bottom edge is nearest its own: steps differ much in height,
 * and the keyboard aligns the moved card's top (moving up) or bottom (moving down) with the target's,
 * where closestCenter would still pick the tall card it left.
 */
const closestEdge: CollisionDetection = ({ collisionRect, droppableRects, droppableContainers }) => droppableContainers
  .flatMap((c) => {
    const r = droppableRects.get(c.id);
    if (!r) return [];
    const value = Math.min(Math.abs(r.top - collisionRect.top), Math.abs(r.bottom - collisionRect.bottom));
    return [{ id: c.id, data: { droppableContainer: c, value } }];
  })
  .sort((a, b) => a.data.value - b.data.value);

/** Among the targets the dragged item can land on: the nearest step for a step, else closestCenter. */
export const collisionsByKind: CollisionDetection = (args) => {
  const active = String(args.active.id);
  const droppableContainers = args.droppableContainers.filter((c) => accepts(active, String(c.id)));
  return (active.startsWith('step:') ? closestEdge : closestCenter)({ ...args, droppableContainers });
};

/** sortableKeyboardCoordinates stepping only between the targets the dragged item can land on. */
export const keyboardCoordinatesByKind: KeyboardCoordinateGetter = (event, args) => {
  const { context } = args;
  const active = context.active ? String(context.active.id) : '';
  const all = context.droppableContainers;
  // sortableKeyboardCoordinates reads the containers through getEnabled and get only.
  const droppableContainers = {
    getEnabled: () => all.getEnabled().filter((c) => accepts(active, String(c.id))),
    get: (id: Parameters<typeof all.get>[0]) => all.get(id),
  } as unknown as typeof all;
  return sortableKeyboardCoordinates(event, { ...args, context: { ...context, droppableContainers } });
};
