/** How numbers appear in the bench tables. */
export const formatMs = (ms: number): string => ms.toFixed(1);
export const formatRatio = (ratio: number): string => `${ratio.toFixed(2)}x`;
/** MB = 10^6 bytes, the stricter reading of the budgets. */
export const formatMb = (bytes: number): string => (bytes / 1e6).toFixed(2);
/** kB = 1000 bytes, the stricter reading of the budgets. */
export const formatKb = (bytes: number): string => (bytes / 1000).toFixed(1);
