-- What the recipient was credited with for a payment before recovery offsets: a later claim on the same month takes
-- back the gross, so offsetting an older claim never shrinks it. Null for payments recorded before: their amount.
alter table paid_payment add column gross_cents bigint;

-- A recovery claim no longer (wholly) to be recovered, once per claim; claims are append-only, so the cancellation is
-- a row of its own, never changed. WAIVED: a caseworker rejected the claim's MONEY_ALREADY_PAID case (the whole claim;
-- it still counts as claimed, so the same payment is never claimed again). REINSTATED: the months are owed again to
-- the debtor (amount_cents of the claim no longer counts as claimed).
create table recovery_claim_cancellation (
    claim_id      uuid primary key references recovery_claim (claim_id),
    cause         text        not null check (cause in ('WAIVED', 'REINSTATED')),
    amount_cents  bigint      not null check (amount_cents > 0),
    explanation   text        not null,
    decision_id   uuid,
    case_id       uuid references caseworker_case (case_id),
    cancelled_by  text,
    cancelled_at  timestamptz not null,
    check ((cause = 'WAIVED') = (case_id is not null and cancelled_by is not null))
);
create trigger recovery_claim_cancellation_append_only before update or delete on recovery_claim_cancellation
    for each row execute function forbid_change();
