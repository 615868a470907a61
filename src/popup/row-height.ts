/** Row height in px; must match --row-height in popup.css. Fixed, so the list can be windowed. */
export const ROW_HEIGHT = 64;
