-- How long each Idempotency-Key is remembered (issue 15). A day for most creates; the field
-- records a device's outbox sends (inspections, outcomes, traveller screenings) are remembered
-- for 30 days, so that one whose answer was lost on the way, on a device then offline for days,
-- is still stored once when the device sends it again. Never under a day: the purge's index on
-- created_at finds every expired row among those older than a day.
alter table idempotency_keys add column keep_hours integer not null default 24 check (keep_hours between 24 and 8760)
