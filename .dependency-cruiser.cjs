// The arrows of DESIGN.md "Layout and layers", checked by `npm run check` (scripts/check-layers.ts,
// which also reads the imports of .astro files): pages and api → use cases → db → domain.
/** Use-case folders: they may use db, domain, input and http, never the API adapter. */
const USE_CASES = '^functions/(admin|audit|auth|cases|disclosure|jobs|reports|sync)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'functions/domain holds the rules and imports nothing of the project outside itself (content data excepted).',
      severity: 'error',
      from: { path: '^functions/domain/' },
      to: { path: '^(functions|src|scripts|test)/', pathNot: '^functions/domain/' },
    },
    {
      name: 'db-only-domain',
      comment: 'functions/db (schema, queries) may import only functions/domain.',
      severity: 'error',
      from: { path: '^functions/db/' },
      to: { path: '^(functions|src)/', pathNot: '^functions/(db|domain)/' },
    },
    {
      name: 'shared-inputs-and-http-only-domain',
      comment: 'functions/input (shared field schemas) and functions/http (statuses, headers, CSV) sit just above the domain.',
      severity: 'error',
      from: { path: '^functions/(input|http)/' },
      to: { path: '^(functions|src)/', pathNot: '^functions/(input|http|domain)/' },
    },
    {
      name: 'use-cases-not-api',
      comment: 'Use cases raise domain errors; only functions/api turns them into HTTP answers.',
      severity: 'error',
      from: { path: USE_CASES },
      to: { path: '^(functions/api|src)/' },
    },
    {
      name: 'pages-not-api',
      comment:
        'Pages call use cases and queries, never the API. Exceptions: src/worker.ts, the composition root that routes ' +
        '/api/* to the Hono app, and the API reference page, which renders the API’s own OpenAPI document at build time.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/worker\\.ts$', '^src/pages/open-data/api\\.astro'] },
      to: { path: '^functions/api/' },
    },
    {
      name: 'functions-not-site',
      comment: 'The site uses functions, not the other way round.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(functions|src)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro|\\.wrangler)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json', '.astro'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
