import type { EntryWhere } from '../core/formats/import-entry.ts';
import { t } from '../platform/i18n.ts';

/** Where an entry sits in what the user gave ("Line 3", "Entry 2", "QR code 2, account 4"), to name an entry that has no usable label. */
export function describeEntryWhere(where: EntryWhere): string {
  switch (where.kind) {
    case 'line':
      return t('importLineLabel', where.line);
    case 'line-account':
      return t('importWhereLineAccount', where.line, where.account);
    case 'qr-account':
      return t('importWhereQrAccount', where.qr, where.account);
    case 'scanned-qr':
      return t('importWhereScannedQr', where.scanned);
    case 'entry':
      return t('importEntryLabel', where.entry);
  }
}

/** A refused entry's name in the preview: where it is, and "Issuer (name)" when the file says. */
export function describeRefusedEntry(where: EntryWhere, hint: string | undefined): string {
  const place = describeEntryWhere(where);
  return hint === undefined ? place : t('importWhereHint', place, hint);
}
