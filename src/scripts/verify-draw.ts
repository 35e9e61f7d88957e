// The verify page's browser half: fetches the published draw record, re-runs it with the site's own
// algorithm module (WebCrypto, nothing leaves the browser) and writes 一致/不一致 into the page.
import { verifyDraw, type DrawRecord, type DrawVerification } from '../../functions/domain/draw';
import { stratumLabels } from '../../functions/domain/labels';

const root = document.getElementById('draw-verify');
const status = document.getElementById('verify-status');

const verdict = (ok: boolean) => (ok ? '一致' : '不一致');

function mark(cell: Element | null, ok: boolean) {
  if (!cell) return;
  cell.textContent = verdict(ok);
  cell.className = ok ? 'tag tag-ok' : 'tag tag-bad';
}

function show(result: DrawVerification, record: DrawRecord, source: string) {
  const page = root!;
  for (const check of ['commitment', 'drawKey', 'pool', 'assignments'] as const)
    mark(page.querySelector(`[data-check="${check}"]`), result[check]);
  for (const s of result.strata) mark(page.querySelector(`[data-stratum="${s.grade}"]`), s.ok);
  const parts = [
    `种子承诺值${verdict(result.commitment)}`,
    ...result.strata.map((s) => `${stratumLabels[s.grade] ?? s.grade}${verdict(s.ok)}`),
    `执法人员选派${verdict(result.assignments)}`,
  ];
  const otherTask = record.taskId !== page.dataset.taskId ? `注意：该记录属于任务 ${String(record.taskId)}，不是本页任务。` : '';
  status!.textContent = `${source}验证完成，${result.ok ? '全部一致' : '发现不一致'}：${parts.join('；')}。${otherTask}`;
}

async function run(load: () => Promise<unknown>, source: string) {
  status!.textContent = `${source}正在本机复算抽取，候选单位较多时需要一些时间……`;
  try {
    const record = (await load()) as DrawRecord;
    show(await verifyDraw(record, root!.dataset.commitment || null), record, source);
  } catch (error) {
    status!.textContent = `${source}无法完成验证：${(error as Error).message}。可按“离线验证”的方法自行复算。`;
  }
}

if (root && status) {
  if (!globalThis.crypto?.subtle) {
    status.textContent = '此浏览器不支持 WebCrypto（需通过 HTTPS 访问），无法在页面中验证。可按“离线验证”的方法自行复算。';
  } else {
    void run(async () => {
      const res = await fetch(root.dataset.drawUrl!, { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`服务器返回 ${res.status}`);
      return res.json();
    }, '');
    const saved = document.getElementById('saved-copy');
    const input = document.getElementById('draw-file') as HTMLInputElement | null;
    if (saved && input) {
      saved.hidden = false;
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (file) void run(async () => JSON.parse(await file.text()), `您保存的副本“${file.name}”：`);
      });
    }
  }
}
