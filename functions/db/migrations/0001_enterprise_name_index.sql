-- Name search index. Each enterprise's name is stored as overlapping character bigrams
-- ("北京科技" → "北京 京科 科技"), so a 2+ character substring query becomes a phrase query
-- over consecutive bigrams. The rowid is enterprises.id; rows are written by the query
-- layer (functions/db/queries/enterprises.ts) and the seeder, using nameBigrams().
CREATE VIRTUAL TABLE `enterprise_name_index` USING fts5(`grams`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
