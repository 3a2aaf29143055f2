-- A completed run's comparison of owed and paid per recipient, for the entitlements it paid, computed once when the
-- run completes and kept here (JSON, per benefit): for a monthly run that reads a million entitlements, longer than a
-- request's transaction may last, so GET /runs/{id} reads the kept result instead of computing it on every call.
alter table payment_run add column owed_by_recipient jsonb;
