// The seeder runs the Worker's draw use case in Node (scripts/seed/draws.ts); these are the binding
// types those files name. Only these: all of the Workers globals would also retype what Node
// scripts see as fetch, Response, crypto and the like.
type D1Database = import('@cloudflare/workers-types/index.ts').D1Database;
type D1PreparedStatement = import('@cloudflare/workers-types/index.ts').D1PreparedStatement;
type R2Bucket = import('@cloudflare/workers-types/index.ts').R2Bucket;
