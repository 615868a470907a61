import { describe, expect, it } from 'vitest';
import { MIGRATION_EXPORT_SKIP_REASONS } from '../../../src/core/formats/format-migration-batches.ts';
import { IMPORT_ENTRY_ERROR_CODES } from '../../../src/core/formats/import-entry-error.ts';
import { IMPORT_FILE_ERROR_CODES } from '../../../src/core/formats/import-file-error.ts';
import { IMPORT_FORMATS } from '../../../src/core/formats/import-format.ts';
import messages from '../../../src/static/_locales/en/messages.json' with { type: 'json' };

const catalogue = messages as Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> } | undefined>;
const key = (prefix: string, code: string): string => `${prefix}${code.replaceAll('-', '_')}`;

describe('message catalogue for imports', () => {
  it.each([
    ...IMPORT_FORMATS.map((code) => key('importFormat_', code)),
    ...IMPORT_FILE_ERROR_CODES.map((code) => key('importFileError_', code)),
    ...IMPORT_ENTRY_ERROR_CODES.map((code) => key('importEntryError_', code)),
    ...MIGRATION_EXPORT_SKIP_REASONS.map((code) => key('migrationExportSkip_', code)),
  ])('has %s, with a description', (name) => {
    expect(catalogue[name]?.message).toMatch(/\w/);
    expect(catalogue[name]?.description).toMatch(/\w/);
  });

  it.each(IMPORT_FILE_ERROR_CODES.map((code) => key('importFileError_', code)))(
    '%s takes FORMAT, FIELD and DETAIL as substitutions 1, 2 and 3, and says nothing was imported',
    (name) => {
      const entry = catalogue[name];
      const positions = { format: '$1', field: '$2', detail: '$3' } as Record<string, string>;
      for (const [placeholder, { content }] of Object.entries(entry?.placeholders ?? {})) expect(content).toBe(positions[placeholder]);
      expect(entry?.message).toMatch(/Nothing was imported\.$/);
    },
  );
});
