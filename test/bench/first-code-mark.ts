/**
 * The User Timing mark the popup sets in the frame after its first codes are rendered
 * (src/popup/app.tsx); the floor page sets the same mark at its first frame.
 */
export const FIRST_CODE_MARK = 'keystep:first-code';
