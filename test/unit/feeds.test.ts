import { describe, expect, it } from 'vitest';
import { htmlText, noticeText, renderFeed, withNotices, xmlText, type FeedEntry, type FeedSpec } from '../../src/lib/feeds';
import { recordHeading } from '../../functions/domain/labels';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element, CDATA included, with references decoded. */
  text: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids.
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;
const reference = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const decode = (text: string) =>
  text.replace(reference, (ref) => {
    const named: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
    if (named[ref]) return named[ref];
    return String.fromCodePoint(ref[2] === 'x' ? Number.parseInt(ref.slice(3, -1), 16) : Number(ref.slice(2, -1)));
  });

/**
 * A small XML 1.0 well-formedness check, enough for a feed: only XML characters, tags closed in
 * order under one root, no raw < or stray & in text or attribute values. Throws where a reader would.
 */
function parseXml(xml: string): XmlElement {
  if (notXmlChar.test(xml)) throw new Error('a character XML 1.0 forbids');
  const token = new RegExp(
    [
      String.raw`<\?[^?]*\?>`, // declaration or processing instruction
      String.raw`<!\[CDATA\[([\s\S]*?)\]\]>`, // 1: CDATA text
      String.raw`<!--[\s\S]*?-->`, // comment
      String.raw`<\/([\w:.-]+)\s*>`, // 2: end tag
      String.raw`<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>`, // 3: start tag, 4: its attributes, 5: self-closing
      '([^<]+)', // 6: text
    ].join('|'),
    'y',
  );
  const checkText = (text: string) => {
    if (text.includes('<') || text.replace(reference, '').includes('&')) throw new Error(`unescaped text: ${text}`);
    return decode(text);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const [, cdata, close, open, attributes, selfClosing, text] = m;
    const parent = stack.at(-1);
    if (cdata !== undefined || text !== undefined) {
      const content = cdata ?? checkText(text!);
      if (parent) parent.text += content;
      else if (content.trim()) throw new Error('text outside the root element');
    } else if (close) {
      if (stack.pop()?.name !== close) throw new Error(`</${close}> closes nothing open`);
    } else if (open) {
      if (!parent && root) throw new Error('a second root element');
      const element: XmlElement = { name: open, attributes: {}, children: [], text: '' };
      for (const [, name, value] of attributes!.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) element.attributes[name!] = checkText(value!);
      if (parent) parent.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (!root || stack.length > 0) throw new Error('unclosed elements');
  return root;
}

const all = (e: XmlElement, name: string): XmlElement[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];
const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
const fromHtml = (html: string) => decode(html.replace(/<\/?p>/g, ''));

// Text as it may come from a D1 row or an import: markup characters, a CDATA terminator twice,
// and characters XML forbids.
const hostile = '甲 & 乙 <b>粗</b> ]]> 再 ]]> 完\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800';
const cleaned = '甲 & 乙 <b>粗</b> ]]> 再 ]]> 完';

const entries: FeedEntry[] = [
  { id: '/credit/X#record-1-published', title: hostile, link: '/credit/X#record-1', date: '2026-03-02', summary: [hostile, '第二段'] },
  { id: '/credit/X#record-2-withdrawn', title: '撤销\u0007公告', link: '/credit/X#record-2', date: '2026-05-20', summary: 'A & B' },
  { title: '典型案例', link: '/cases/a/', date: '2026-01-15', categories: ['拖欠工资', 'a < b & c'] },
];
const spec = (format: 'rss' | 'atom', list = entries): FeedSpec => ({
  format,
  title: '测试\u0001订阅',
  description: '说明 & <说明>',
  site: 'http://127.0.0.1:8787',
  page: '/credit/X',
  self: '/credit/X/feed.xml',
  asOf: '2026-06-30',
  entries: list,
});

describe('the well-formedness check of these tests', () => {
  it('rejects what a feed reader would', () => {
    for (const bad of ['<a>\u0001</a>', '<a>x < y</a>', '<a>R&D</a>', '<a><b></a>', '<a b="<"/>', '<a/><b/>', '<a>']) {
      expect(() => parseXml(bad), JSON.stringify(bad)).toThrow();
    }
    expect(parseXml('<?xml version="1.0"?><a b="&amp;">x &lt; <![CDATA[<y>]]></a>')).toMatchObject({
      attributes: { b: '&' },
      text: 'x < <y>',
    });
  });
});

describe('xmlText', () => {
  it('drops C0 controls but tab, LF and CR, U+FFFE, U+FFFF and unpaired surrogates, and keeps everything else', () => {
    expect(xmlText('a\u0000b\u0008c\td\ne\rf\u000Bg\u000Ch\u001Fi\uFFFEj\uFFFFk\uD800l\uDC00m')).toBe('abc\td\ne\rfghijklm');
    // A surrogate pair is one character (𠀀, U+20000) and stays, as do C1 controls, which XML 1.0 allows.
    expect(xmlText('\uD840\uDC00\u0085\u00A0中文')).toBe('\uD840\uDC00\u0085\u00A0中文');
  });

  it('escapes & < > after cleaning when the text goes out as HTML', () => {
    expect(htmlText('a & <b>\u0000')).toBe('a &amp; &lt;b&gt;');
  });
});

describe('renderFeed: Atom 1.0', () => {
  const feed = parseXml(renderFeed(spec('atom')));

  it('is well-formed, in Chinese, with one entry per input', () => {
    expect(feed.name).toBe('feed');
    expect(feed.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-CN' });
    expect(all(feed, 'entry')).toHaveLength(entries.length);
    expect(child(feed, 'title')?.text).toBe('测试订阅 - 人社监管公示与信用查询');
    expect(child(child(feed, 'author')!, 'name')?.text).toBe('人力资源和社会保障局');
    expect(all(feed, 'generator')).toHaveLength(0);
  });

  it('keeps ids, links and dates, and dates the feed by its newest entry rather than the wall clock', () => {
    const [first, second, third] = all(feed, 'entry');
    expect(child(first!, 'id')?.text).toBe('http://127.0.0.1:8787/credit/X#record-1-published');
    expect(child(first!, 'link')?.attributes.href).toBe('http://127.0.0.1:8787/credit/X#record-1');
    expect(child(second!, 'updated')?.text).toBe('2026-05-19T16:00:00.000Z');
    expect(child(third!, 'id')?.text).toBe('http://127.0.0.1:8787/cases/a/');
    expect(child(feed, 'updated')?.text).toBe('2026-05-19T16:00:00.000Z');
    expect(all(feed, 'link').find((l) => l.attributes.rel === 'self')?.attributes.href).toBe('http://127.0.0.1:8787/credit/X/feed.xml');
  });

  it('carries markup characters and CDATA terminators as text, and no forbidden character', () => {
    const [first, second, third] = all(feed, 'entry');
    expect(child(first!, 'title')?.attributes.type).toBe('html');
    expect(fromHtml(child(first!, 'title')!.text)).toBe(cleaned);
    expect(fromHtml(child(first!, 'summary')!.text)).toBe(`${cleaned}第二段`);
    expect(fromHtml(child(second!, 'title')!.text)).toBe('撤销公告');
    expect(fromHtml(child(second!, 'summary')!.text)).toBe('A & B');
    expect(all(third!, 'category').map((c) => c.attributes.term)).toEqual(['拖欠工资', 'a  b & c']);
  });

  it('is dated by asOf when it has no entries', () => {
    const empty = parseXml(renderFeed(spec('atom', [])));
    expect(all(empty, 'entry')).toHaveLength(0);
    expect(child(empty, 'updated')?.text).toBe('2026-06-29T16:00:00.000Z');
  });
});

describe('renderFeed: RSS 2.0', () => {
  const rss = parseXml(renderFeed(spec('rss')));
  const channel = child(rss, 'channel')!;

  it('is well-formed, in Chinese, with one item per input', () => {
    expect(rss).toMatchObject({ name: 'rss', attributes: { version: '2.0' } });
    expect(all(rss, 'item')).toHaveLength(entries.length);
    expect(child(channel, 'language')?.text).toBe('zh-cn');
    expect(child(channel, 'description')?.text).toBe('说明 & <说明>');
    expect(child(channel, 'lastBuildDate')?.text).toBe(new Date('2026-05-20T00:00:00+08:00').toUTCString());
  });

  it('uses the id as a guid where there is one, and the link as a permalink otherwise', () => {
    const [first, , third] = all(rss, 'item');
    expect(child(first!, 'guid')).toMatchObject({
      text: 'http://127.0.0.1:8787/credit/X#record-1-published',
      attributes: { isPermaLink: 'false' },
    });
    expect(child(third!, 'guid')).toMatchObject({ text: 'http://127.0.0.1:8787/cases/a/', attributes: { isPermaLink: 'true' } });
    expect(child(first!, 'pubDate')?.text).toBe('Sun, 01 Mar 2026 16:00:00 GMT');
  });

  it('carries markup characters as text and categories as element text', () => {
    const [first, , third] = all(rss, 'item');
    expect(fromHtml(child(first!, 'title')!.text)).toBe(cleaned);
    expect(fromHtml(child(first!, 'description')!.text)).toBe(`${cleaned}第二段`);
    expect(all(third!, 'category').map((c) => c.text)).toEqual(['拖欠工资', 'a < b & c']);
  });
});

describe('titles and notices of record entries', () => {
  it('names the kind once', () => {
    expect(recordHeading('sampling_result', '双随机抽查结果：未发现问题')).toBe('双随机抽查结果：未发现问题');
    expect(recordHeading('sampling_result', '重点检查结果：发现问题已责令改正')).toBe('重点检查结果：发现问题已责令改正');
    expect(recordHeading('sampling_result', '双随机抽查（SJ-2026-01）：未发现问题')).toBe('双随机抽查（SJ-2026-01）：未发现问题');
    expect(recordHeading('wage_arrears_list', '列入拖欠农民工工资失信联合惩戒对象名单')).toBe('列入拖欠农民工工资失信联合惩戒对象名单');
    expect(recordHeading('penalty', '克扣或者无故拖欠劳动者工资')).toBe('行政处罚：克扣或者无故拖欠劳动者工资');
  });

  it('words a notice as the profile page does', () => {
    expect(noticeText('该记录', 'withdrawn', { reason: '决定被撤销', on: '2026-03-01' })).toBe(
      '该记录已撤销（2026年3月1日）。原因：决定被撤销',
    );
    expect(noticeText('该记录', 'repaired', { reason: null, on: null })).toBe('该记录已终止公示。');
  });
});

describe('withNotices: withdrawals and repairs from the change log (DOMAIN.md §12)', () => {
  const notice = (id: number, status: 'withdrawn' | 'repaired', at: string) =>
    ({
      change: { cursor: id, at, type: status, recordId: id, uscc: '91110105MA01AAAA0X', kind: 'penalty', reason: '决定被撤销' },
      record: {
        id,
        kind: 'penalty',
        title: '拖欠工资',
        status,
        decisionNo: `京朝人社监罚字〔2024〕第 ${id} 号`,
        authority: '北京市朝阳区人力资源和社会保障局',
        withdrawalReason: status === 'withdrawn' ? '决定被撤销' : null,
        withdrawnOn: status === 'withdrawn' ? '2026-05-30' : null,
        repairedOn: status === 'repaired' ? '2026-05-31' : null,
      },
      partyName: '北京甲有限公司',
    }) as unknown as Parameters<typeof withNotices>[1][number];

  it('makes each an entry of its own, dated when it happened, replacing the record’s notice entry of the same id', () => {
    const own: FeedEntry[] = [
      { id: '/credit/91110105MA01AAAA0X#record-7-published', title: '新决定', link: '/credit/x#record-7', date: '2026-05-20' },
      { id: '/credit/91110105MA01AAAA0X#record-3-withdrawn', title: '旧公告', link: '/credit/x#record-3', date: '2026-05-30' },
    ];
    const merged = withNotices(own, [
      notice(3, 'withdrawn', '2026-05-30T02:00:00.000Z'),
      notice(5, 'repaired', '2026-06-01T01:00:00.000Z'),
    ]);
    expect(merged.map((e) => e.id)).toEqual([
      '/credit/91110105MA01AAAA0X#record-5-repaired',
      '/credit/91110105MA01AAAA0X#record-3-withdrawn',
      '/credit/91110105MA01AAAA0X#record-7-published',
    ]);
    expect(merged[1]).toMatchObject({
      title: '北京甲有限公司：京朝人社监罚字〔2024〕第 3 号（已撤销）',
      link: '/credit/91110105MA01AAAA0X#record-3',
    });
    expect(merged[1]!.summary).toEqual([
      '该记录已撤销（2026年5月30日）。原因：决定被撤销',
      '京朝人社监罚字〔2024〕第 3 号；北京市朝阳区人力资源和社会保障局',
    ]);
    expect(merged[0]!.summary![0]).toBe('该记录已终止公示（2026年5月31日）。原因：信用修复已通过，终止公示。');
  });
});
