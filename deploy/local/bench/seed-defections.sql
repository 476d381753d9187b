-- :n synthetic defections over 2023-01..2025-12 for the analyzer's query benchmark. Causes,
-- segments, regions, plans and tenure vary with i; a cause mix that shifts over time.
insert into defection (id, customer_id, revision, loss_month, won_back, voluntary, seats, mrr, arr,
    lifetime_value, value_pending, segment, region, plan, tenure_band, cause, secondary_cause, confidence,
    cause_source, taxonomy_version, evidence, needs_review, document)
select gen_random_uuid(), 'bench_' || i, 1, to_char(date '2023-01-01' + ((i % 36) || ' months')::interval, 'YYYY-MM'),
    i % 50 = 0, i % 9 <> 0, 1 + i % 40,
    case when i % 97 = 0 then null else ((i::bigint * 7919) % 100000) / 100.0 end,
    case when i % 97 = 0 then null else ((i::bigint * 7919) % 100000) / 100.0 * 12 end,
    case when i % 97 = 0 then null else ((i::bigint * 7919) % 100000) / 100.0 * (i % 60) end,
    i % 97 = 0,
    (array['SMB', 'MID_MARKET', 'ENTERPRISE'])[1 + i % 3],
    (array['EMEA', 'NA', 'APAC', 'LATAM'])[1 + (i / 3) % 4],
    (array['starter', 'pro', 'business', 'enterprise'])[1 + (i / 7) % 4],
    (array['0-6m', '6-12m', '1-2y', '2-5y', '5y+', 'UNKNOWN'])[1 + (i / 11) % 6],
    case when i % 9 = 0 then 'INVOLUNTARY'
         else (array['PRICE', 'MISSING_FEATURES', 'PRODUCT_QUALITY', 'SUPPORT', 'EASE_OF_USE', 'COMPETITOR',
                     'NO_LONGER_NEEDED', 'OTHER'])[1 + ((i / 13) + (i % 36) / 6) % 8] end,
    null, 0.8, 'CLASSIFIER', 1, '[]', false, '{}'
from generate_series(1, :n) i;
insert into month_taxonomy (month, version) select distinct loss_month, 1 from defection on conflict do nothing;
analyze defection;
