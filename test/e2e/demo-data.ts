/**
 * Seeded enterprises that have published negative records, found through the public API as any
 * client would (the first page of a broad name search).
 */
export async function enterprisesWithRecords(baseUrl: string, count: number): Promise<{ uscc: string; name: string }[]> {
  const res = await fetch(`${baseUrl}/api/v1/enterprises?q=${encodeURIComponent('有限公司')}&pageSize=100`);
  const { items } = (await res.json()) as { items: { uscc: string; name: string; negativeRecords: number }[] };
  const found = items.filter((i) => i.negativeRecords > 0);
  if (found.length < count) throw new Error('the demo data has too few enterprises with published records');
  return found.slice(0, count);
}
