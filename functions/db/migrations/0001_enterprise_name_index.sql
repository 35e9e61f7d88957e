-- Name search index. Each enterprise's name is stored as overlapping character bigrams
-- ("北京科技" → "北京 京科 科技"), so a 2+ character substring query becomes a phrase query
-- over consecutive bigrams. The district code is a column of its own so that a district
-- filter is answered by the index too. The rowid is enterprises.id; rows are written by the
-- query layer and the seeder through nameIndexRow() in functions/domain/name-search.ts.
CREATE VIRTUAL TABLE `enterprise_name_index` USING fts5(`district`, `grams`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
