CREATE TABLE `violation_entry_counts` (
	`publication_id` text NOT NULL,
	`status` text NOT NULL,
	`publish_until` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`publication_id`, `status`, `publish_until`),
	FOREIGN KEY (`publication_id`) REFERENCES `violation_publications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The triggers below keep violation_entry_counts equal to this count of credit_records on every
-- write; the last statement fills it from the records already there. A record without a
-- publish_until counts under '9999-12-31' (OPEN_END in schema.ts). An UPDATE takes the record
-- out of its old row (dropped when it reaches 0) and into its new one. Bodies stay plain
-- statements (no CASE) so that wrangler's splitter keeps each trigger whole.
CREATE TRIGGER `violation_entry_counts_insert` AFTER INSERT ON `credit_records`
WHEN NEW.kind = 'major_violation' AND NEW.publication_id IS NOT NULL
BEGIN
  INSERT INTO violation_entry_counts (publication_id, status, publish_until, n)
    VALUES (NEW.publication_id, NEW.status, coalesce(NEW.publish_until, '9999-12-31'), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `violation_entry_counts_delete` AFTER DELETE ON `credit_records`
WHEN OLD.kind = 'major_violation' AND OLD.publication_id IS NOT NULL
BEGIN
  UPDATE violation_entry_counts SET n = n - 1
    WHERE publication_id = OLD.publication_id AND status = OLD.status
      AND publish_until = coalesce(OLD.publish_until, '9999-12-31');
  DELETE FROM violation_entry_counts
    WHERE publication_id = OLD.publication_id AND status = OLD.status
      AND publish_until = coalesce(OLD.publish_until, '9999-12-31') AND n <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `violation_entry_counts_update` AFTER UPDATE OF kind, status, publish_until, publication_id ON `credit_records`
WHEN (OLD.kind = 'major_violation' AND OLD.publication_id IS NOT NULL)
  OR (NEW.kind = 'major_violation' AND NEW.publication_id IS NOT NULL)
BEGIN
  UPDATE violation_entry_counts SET n = n - 1
    WHERE OLD.kind = 'major_violation' AND publication_id = OLD.publication_id AND status = OLD.status
      AND publish_until = coalesce(OLD.publish_until, '9999-12-31');
  DELETE FROM violation_entry_counts
    WHERE OLD.kind = 'major_violation' AND publication_id = OLD.publication_id AND status = OLD.status
      AND publish_until = coalesce(OLD.publish_until, '9999-12-31') AND n <= 0;
  INSERT INTO violation_entry_counts (publication_id, status, publish_until, n)
    SELECT NEW.publication_id, NEW.status, coalesce(NEW.publish_until, '9999-12-31'), 1
      WHERE NEW.kind = 'major_violation' AND NEW.publication_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO violation_entry_counts (publication_id, status, publish_until, n)
  SELECT publication_id, status, coalesce(publish_until, '9999-12-31'), count(*) FROM credit_records
    WHERE kind = 'major_violation' AND publication_id IS NOT NULL
    GROUP BY publication_id, status, coalesce(publish_until, '9999-12-31');
