// The short address printed as a QR code on an officer's card (/o/1101050055): short enough for a
// small code, and stable, it leads to the officer's page. Digits only in the path, so the code can
// be printed in QR's compact numeric-friendly form together with an upper-case host.
import type { APIRoute } from 'astro';
import { parseCertificateNo } from '../../../functions/domain/officers';

export const GET: APIRoute = ({ params, redirect }) => {
  const raw = params.certificateNo ?? '';
  const parsed = parseCertificateNo(raw);
  // A malformed number still lands on the officer page, which says what is wrong with it.
  return redirect(`/enforcement/officers/${parsed.ok ? parsed.certificateNo : encodeURIComponent(raw)}`, 302);
};
