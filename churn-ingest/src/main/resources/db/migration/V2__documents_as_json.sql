-- Documents are written and read whole, never queried inside by SQL: json (kept as the text
-- written, only checked) costs PostgreSQL far less per row than jsonb's binary conversion, in and out.
alter table defection alter column document type json using document::json;
alter table unmatched_reactivation alter column document type json using document::json;
