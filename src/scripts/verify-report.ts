// The report page's browser half: checks a pasted 专用信用报告 signature (JWS) against the keys the
// bureau publishes, with the same verification module as the server and the command-line verifier
// (WebCrypto; the pasted text never leaves the browser), and says whether it is this page's report.
import { formatChineseDate, formatChineseDateTime } from '../../functions/domain/dates';
import { reportVerificationMessages, verifyReport } from '../../functions/domain/report-verification';

const form = document.getElementById('report-verify') as HTMLFormElement | null;
const input = document.getElementById('jws-input') as HTMLTextAreaElement | null;
const result = document.getElementById('verify-result');
const stored = document.getElementById('report-jws') as HTMLTextAreaElement | null;

async function check(jws: string): Promise<string> {
  const res = await fetch(form!.dataset.keysUrl!, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`读取公钥失败（${res.status}）`);
  const { keys } = (await res.json()) as { keys: [] };
  const verified = await verifyReport(jws, keys);
  if (!verified.ok) return reportVerificationMessages[verified.reason];
  const r = verified.report;
  const summary =
    `签名有效：报告编号 ${r.reportNo}，${r.enterprise.name}（${r.enterprise.uscc}），` +
    `报告期 ${formatChineseDate(r.period.from)}至${formatChineseDate(r.period.to)}，` +
    `开具于 ${formatChineseDateTime(new Date(r.issuedAt))}（北京时间），签名密钥 ${verified.kid}。`;
  if (r.reportNo !== form!.dataset.reportNo) return `${summary}这是另一份报告，不是本页显示的报告。`;
  // The payload is canonical JSON: the same report gives the same bytes.
  const same = stored !== null && stored.value.trim().split('.')[1] === jws.trim().split('.')[1];
  return `${summary}${same ? '内容与本页显示的报告一致。' : '但内容与本页显示的报告不一致。'}`;
}

if (form && input && result) {
  if (!globalThis.crypto?.subtle) {
    result.textContent = '此浏览器不支持 WebCrypto（需通过 HTTPS 访问），无法在页面中核验，请按上文方法离线核验。';
  }
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const jws = input.value.trim();
    if (!jws) {
      result.textContent = '请先粘贴报告签名（JWS）。';
      return;
    }
    result.textContent = '正在核验……';
    check(jws).then(
      (message) => {
        result.textContent = message;
      },
      (error: Error) => {
        result.textContent = `无法完成核验：${error.message}。此浏览器可能不支持 Ed25519 签名，请按上文方法离线核验。`;
      },
    );
  });
}
