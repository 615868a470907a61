/** What a user can do to one account from the popup. */
export type RowAction = 'copy' | 'next-code' | 'fill' | 'rename' | 'sites' | 'pin' | 'unpin' | 'move-up' | 'move-down' | 'delete' | 'show-qr';

/** The subset offered in an account's menu. */
export type MenuAction = Exclude<RowAction, 'copy' | 'next-code' | 'fill'>;
