// Checks the arrows of DESIGN.md "Layout and layers" with dependency-cruiser (.dependency-cruiser.cjs)
// over functions/ and src/, .astro files included: dependency-cruiser cannot read them, so their
// import declarations (frontmatter and <script> blocks) are copied into a shadow `<file>.astro.ts`
// beside them, in a temporary copy of the tree. Exits non-zero on a violation.
//
//   node scripts/check-layers.ts
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const IMPORT = /^\s*import\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?['"][^'"]+['"]\s*;?/gm;

function astroFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return astroFiles(path);
    return name.endsWith('.astro') ? [path] : [];
  });
}

/** The import declarations of an Astro component: its frontmatter and its client scripts. */
function astroImports(source: string): string[] {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [frontmatter, ...scripts].flatMap((code) => code.match(IMPORT) ?? []).map((line) => line.trim());
}

const work = mkdtempSync(join(tmpdir(), 'check-layers-'));
try {
  for (const entry of ['functions', 'src', 'content', 'tsconfig.json', 'package.json', '.dependency-cruiser.cjs']) {
    cpSync(join(root, entry), join(work, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  for (const file of astroFiles(join(work, 'src'))) {
    writeFileSync(`${file}.ts`, `${astroImports(readFileSync(file, 'utf8')).join('\n')}\n`);
  }
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/.bin/depcruise'), '--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'functions', 'src'],
    { cwd: work, encoding: 'utf8' },
  );
  // Name the component, not its shadow.
  process.stdout.write((result.stdout ?? '').replaceAll('.astro.ts', '.astro'));
  process.stderr.write(result.stderr ?? '');
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
