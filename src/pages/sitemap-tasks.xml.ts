// The sampling tasks' pages, from D1: listed in the sitemap index (astro.config.mjs customSitemaps).
import type { APIRoute } from 'astro';
import { allTaskIds } from '../../functions/db/queries/sampling';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async ({ site, url, locals }) => {
  const base = site ?? url;
  const urls = (await allTaskIds(locals.db)).map((id) => `<url><loc>${escapeXml(new URL(`/sampling/${id}`, base).href)}</loc></url>`);
  const urlset = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${urlset}\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
};
