/** Escapes text for XML element content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!);
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

/** An Atom 1.0 (RFC 4287) feed document. */
export function atomFeed(feed: { id: string; title: string; link: string; self: string; updated: string; entries: AtomEntry[] }): string {
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <updated>${escapeXml(e.updated)}</updated>
    <link rel="alternate" href="${escapeXml(e.link)}"/>
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <updated>${escapeXml(feed.updated)}</updated>
  <author><name>人力资源和社会保障局</name></author>
  <link rel="alternate" href="${escapeXml(feed.link)}"/>
  <link rel="self" href="${escapeXml(feed.self)}"/>
${entries}
</feed>
`;
}
