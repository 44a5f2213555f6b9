import { useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';

/** Pixels of the generated image; CSS scales it, so keep it sharp at the largest size shown. */
const QR_SIZE_PX = 480;

/**
 * A link as a QR image (the kiosk's ticket, a booking's confirmation); the link itself is in
 * `data-url` for tests and staff.
 */
export function QrCode({
  url,
  alt,
  testId = 'ticket-qr',
}: {
  url: string;
  alt: string;
  testId?: string;
}) {
  const [image, setImage] = useState<{ url: string; src: string } | null>(null);

  useEffect(() => {
    let current = true;
    toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: QR_SIZE_PX }).then(
      (src) => {
        if (current) setImage({ url, src });
      },
      () => {
        // Nothing to draw; the ticket number and the printed ticket still work.
      },
    );
    return () => {
      current = false;
    };
  }, [url]);

  return image && image.url === url ? (
    <img className="qr" src={image.src} alt={alt} data-testid={testId} data-url={url} />
  ) : (
    <div className="qr qr--pending" aria-hidden="true" />
  );
}
