import { QrImageError } from '../platform/qr-image-error.ts';
import { t } from '../platform/i18n.ts';
import { TabCaptureError } from '../platform/tab-capture-error.ts';
import { describeError } from './describe-error.ts';

/** Why a scan found nothing to look at, in words: a tab the browser will not capture, a file that is not an image, or another failure. */
export function describeScanFailure(error: unknown): string {
  if (error instanceof TabCaptureError) return t('scanCaptureRefused');
  if (error instanceof QrImageError) return t('scanImageUnreadable');
  return t('scanFailed', describeError(error));
}
