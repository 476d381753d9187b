-- When the inbound event behind an outbox event was published (null when none was): the relay sends it as a
-- header, so the consumer at the end of the chain measures the end-to-end latency (loss.chain.latency).
alter table outbox add column origin_at timestamptz;
