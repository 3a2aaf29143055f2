-- A caseworker who rejects a MONEY_ALREADY_PAID case decides the money is not to be recovered: the claim is cancelled
-- and offsets nothing more. What it had already offset stays (the state kept that money, and the payments it reduced
-- were paid and reported as such); remaining_cents keeps what was waived.
alter table recovery_claim drop constraint recovery_claim_status_check;
alter table recovery_claim add constraint recovery_claim_status_check check (status in ('OPEN', 'SETTLED', 'CANCELLED'));
alter table recovery_claim
    add column cancelled_at        timestamptz,
    add column cancelled_by        text,
    add column cancellation_reason text,
    add column cancelled_in_case   text;

-- A payment the bank returned because the account number was wrong (AC01) is re-issued once a new account is known:
-- a new payment for the same entitlement and period, pointing at the failed one. Its top_up_version is negative (the
-- regular payment is 0, top-ups positive), so the (entitlement, period, top_up_version) key still holds, and at most
-- one payment re-issues a failed one, whatever redelivery or repetition happens.
alter table payment add column reissue_of uuid references payment (payment_id);
create unique index payment_reissued_once on payment (reissue_of) where reissue_of is not null;
