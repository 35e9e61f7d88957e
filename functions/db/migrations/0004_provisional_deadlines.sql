ALTER TABLE `objections` ADD `accept_by_provisional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `objections` ADD `decide_by_provisional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `objections` ADD `accepted_on` text;--> statement-breakpoint
ALTER TABLE `repairs` ADD `accept_by_provisional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `repairs` ADD `decide_by_provisional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `repairs` ADD `accepted_on` text;--> statement-breakpoint
UPDATE `objections` SET `accepted_on` = (SELECT substr(datetime(min(`at`), '+8 hours'), 1, 10) FROM `case_events` WHERE `case_events`.`reference` = `objections`.`reference` AND `case_events`.`status` = 'accepted');--> statement-breakpoint
UPDATE `repairs` SET `accepted_on` = (SELECT substr(datetime(min(`at`), '+8 hours'), 1, 10) FROM `case_events` WHERE `case_events`.`reference` = `repairs`.`reference` AND `case_events`.`status` = 'accepted');
