-- Months a claim was raised for can become owed to the debtor again (the revocation or correction behind the claim is
-- itself undone): eligibility releases that part of the claim. The claim keeps its amount; released_cents says how much
-- of it is no longer owed back, so the ledger claims only the rest and what remains to offset shrinks by it.
alter table recovery_claim add column released_cents bigint not null default 0
    constraint recovery_claim_released_within_amount check (released_cents between 0 and amount_cents);

-- What offsets had already taken for a claim beyond what is still claimed after a release is the debtor's money: a
-- refund pays it back in the next run. It is a payment row (so it goes through a run, a pain.001 file, the bank's report
-- and a re-issue after AC01 like any other) for the claim's entitlement and period, marked by the claim it refunds, so
-- the schedule and the reconciliation never count it as paid for that period. Its top_up_version is negative like a
-- re-issue's, so the (entitlement, period, top_up_version) key of payment_once still holds.
alter table payment add column refund_of_claim uuid references recovery_claim (claim_id);
create index payment_refund_of_claim on payment (refund_of_claim) where refund_of_claim is not null;
