import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { scanImage, type QrDecoder } from '../services/scan-for-codes.ts';
import { lazyQrDecoder } from '../ui/lazy-qr-decoder.ts';
import { QrImportView } from '../ui/qr-import-view.tsx';
import { useQrImport } from '../ui/use-qr-import.ts';
import { useVault } from '../ui/use-vault.ts';

interface Props {
  readonly store: AccountStore;
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly newId: () => string;
  /** Default the zxing-wasm reader, loaded with the first image. */
  readonly decoder?: QrDecoder;
}

/** The image files among what was dropped or pasted (a paste of text has none). */
const imagesOf = (files: FileList | null | undefined): File[] => [...(files ?? [])].filter((file) => file.type.startsWith('image/'));

/**
 * Add accounts from images of QR codes: choose files, drop them on the form, or paste a screenshot (Ctrl+V)
 * while this view is shown. Each image is decoded with the tab scan's reader and its account codes go to the same
 * preview; a Google Authenticator export can come one image per QR code.
 */
export function ImageImportForm({ store, clock, newId, decoder = lazyQrDecoder }: Props) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const vault = useVault(store);
  const qr = useQrImport({ store, clock, newId });
  const [reading, setReading] = useState(false);
  const [over, setOver] = useState(false);

  const read = async (images: readonly Blob[]): Promise<void> => {
    if (images.length === 0) return;
    qr.start();
    setReading(true);
    try {
      for (const image of images) qr.take(await scanImage(image, decoder), 'image');
    } finally {
      setReading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  // A pasted image counts only while this view is on screen (the page keeps hidden views mounted); pasted text
  // goes where it was pasted, as always.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      const images = imagesOf(event.clipboardData?.files);
      if (images.length === 0 || form.current?.closest('[hidden]') !== null) return;
      event.preventDefault();
      void read(images);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  return (
    <form
      ref={form}
      class={`stack drop-zone${over ? ' over' : ''}`}
      aria-labelledby={`${id}-heading`}
      aria-busy={reading}
      onSubmit={(event) => event.preventDefault()}
      onDragOver={(event) => {
        if (!event.dataTransfer?.types.includes('Files')) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const images = imagesOf(event.dataTransfer?.files);
        if (images.length === 0) return;
        event.preventDefault();
        void read(images);
      }}
    >
      <h3 id={`${id}-heading`}>{t('imageImportHeading')}</h3>
      <p id={`${id}-help`} class="help">
        {t('imageImportHelp')}
      </p>
      <label>
        {t('imageImportLabel')}
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          multiple
          aria-describedby={`${id}-help`}
          disabled={reading}
          onChange={(event) => void read([...(event.currentTarget.files ?? [])])}
        />
      </label>
      {reading && <p class="help">{t('imageImportReading')}</p>}
      <QrImportView qr={qr} accounts={vault.status === 'ready' ? vault.snapshot.accounts : undefined} level={4} />
    </form>
  );
}
