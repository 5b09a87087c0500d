// The load section's members: copy `copy` of the demo dataset's member at `index` (the typical
// member, the new one, the VIP, in the dataset's order), with the same badges under its own id.
export const memberCopy = (index: number, copy: number) => String(700_000_000 + copy * 10 + index)
