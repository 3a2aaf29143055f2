-- What the recipient was credited with for a payment before recovery offsets: a later claim on the same month takes
-- back the gross, so offsetting an older claim never shrinks it. Null for payments recorded before: their amount.
alter table paid_payment add column gross_cents bigint;

-- A claim no longer due because its months are owed again (a reinstated entitlement): the claim itself stays as sent
-- (append-only), the cancellation of what it claimed is written beside it, once per claim.
create table recovery_claim_cancellation (
    claim_id      uuid primary key references recovery_claim (claim_id),
    amount_cents  bigint      not null check (amount_cents > 0),
    reason        text        not null,
    decision_id   uuid,
    explanation   text        not null,
    cancelled_at  timestamptz not null
);
