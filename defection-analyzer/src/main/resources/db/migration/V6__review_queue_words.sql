-- Whether the customer left words to judge: a billing comment or a CRM stated reason with something in
-- it besides blanks (the texts people read and label, Classifiers.labelText). The review queue is triaged
-- by it; kept by PostgreSQL from the document, so it can never disagree with it.
alter table defection add column has_words boolean generated always as (
    coalesce(document #>> '{reason,billingComment}', '') ~ '[^[:space:]]'
    or coalesce(document #>> '{reason,statedReason}', '') ~ '[^[:space:]]') stored;
