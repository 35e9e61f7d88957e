// Who runs the site, as the footer of every page states it: the 主办单位, where to write, the
// hotline, and the ICP 备案编号 and 网站标识码 that a government site shows. Deployment settings
// (wrangler.toml [vars]), so that another bureau runs the same code under its own name.
import { env } from 'cloudflare:workers';

export interface SiteIdentity {
  operator: string;
  address: string;
  hotline: string;
  icp: string | null;
  siteCode: string | null;
}

const setting = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function siteIdentity(): SiteIdentity {
  return {
    operator: setting(env.SITE_OPERATOR) ?? '人力资源和社会保障局',
    address: setting(env.SITE_ADDRESS) ?? '',
    hotline: setting(env.SITE_HOTLINE) ?? '12333',
    icp: setting(env.SITE_ICP),
    siteCode: setting(env.SITE_CODE),
  };
}
